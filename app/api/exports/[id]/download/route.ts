import { authorizeRequest } from '@/lib/auth/actor';
import { environment } from '@/lib/env';
import { CSV_CONTENT_TYPE, fileResponse, JSON_CONTENT_TYPE } from '@/lib/http/file-response';
import { parseId } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { openExportFile } from '@/lib/inventory/reports/open-export-file';

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await authorizeRequest(request, 'reports:read');
  const { record, stream } = await openExportFile({ id: parseId((await params).id, 'Export'), exportDir: environment().EXPORT_DIR });
  return fileResponse(stream, { fileName: record.fileName, contentType: record.format === 'csv' ? CSV_CONTENT_TYPE : JSON_CONTENT_TYPE });
});

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
