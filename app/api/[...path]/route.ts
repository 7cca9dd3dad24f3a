import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/responses';

/** Unknown API paths answer in the API's error shape, not with the HTML 404 page. */
async function unknownPath(): Promise<Response> {
  return errorResponse(new AppError('NOT_FOUND', 'No such API endpoint.'));
}

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
