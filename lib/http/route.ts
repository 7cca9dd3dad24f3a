import { handleApiError } from './responses';

/**
 * Wraps a route handler so that every failure, expected or not, leaves through the one
 * error map in handleApiError.
 */
export function apiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return handleApiError(error);
    }
  };
}

/** 405 for methods a resource does not support, in the API's error shape. */
export function methodNotAllowed(allowed: string[]) {
  return async (): Promise<Response> =>
    new Response(
      JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: `Use ${allowed.join(' or ')} on this resource.` }),
      { status: 405, headers: { 'content-type': 'application/json; charset=utf-8', allow: allowed.join(', ') } },
    );
}
