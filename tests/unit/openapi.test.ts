import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/http/openapi';

const API_DIR = join(process.cwd(), 'app/api');
/** Framework plumbing, not part of the contract. */
const NOT_IN_CONTRACT = ['/api/auth/{nextauth}', '/api/{path}'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  );
}

/** Every method a route file answers with real work (405 answers are excluded). */
function routesOnDisk(): Array<{ path: string; method: string }> {
  return routeFiles(API_DIR).flatMap((file) => {
    const path = `/api/${relative(API_DIR, file).replace(/\/?route\.ts$/, '')}`
      .replace(/\[\.\.\.(\w+)\]/g, '{$1}')
      .replace(/\[(\w+)\]/g, '{$1}')
      .replace(/\/$/, '');
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\s*=\s*(\w+)/g)]
      .filter(([, , value]) => value === 'apiRoute')
      .map(([, method]) => method!.toLowerCase());
    return methods.map((method) => ({ path, method }));
  });
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route handler the app serves', () => {
    const missing = routesOnDisk()
      .filter(({ path }) => !NOT_IN_CONTRACT.includes(path))
      .filter(({ path, method }) => !document.paths[path]?.[method]);
    expect(missing).toEqual([]);
  });

  it('takes request bodies from the zod schemas, rules included', () => {
    const post = document.paths['/api/stock-movements']?.post as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; additionalProperties: boolean } } } } };
    const schema = post.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['productId', 'sku', 'type', 'quantity', 'toLocationId', 'unitCost']));
    expect(schema.additionalProperties).toBe(false);
  });
});
