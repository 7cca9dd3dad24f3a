import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';

/**
 * Redoc's standalone bundle (the `redoc` package, MIT), served from this origin so that the
 * reference works offline and under `script-src 'self'`. A library file with nothing of the
 * shop in it: public, like the sign-in page's assets. Read once, on first use; a failed read
 * is not kept, so the next request tries again.
 */
let bundle: Promise<Buffer> | undefined;

function redocBundle(): Promise<Buffer> {
  // A fixed path, so that the build traces this one file into the standalone server folder.
  bundle ??= readFile(join(process.cwd(), 'node_modules', 'redoc', 'bundles', 'redoc.standalone.js')).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

export const GET = apiRoute(
  async () =>
    new Response(new Uint8Array(await redocBundle()), {
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
    }),
);

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const POST = methodNotAllowed(['GET']);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
