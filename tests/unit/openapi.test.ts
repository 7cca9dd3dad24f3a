import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { OPENAPI_EXAMPLES } from '@/lib/http/openapi-examples';
import type { LowStockRow } from '@/lib/inventory/reports/get-low-stock-report';
import type { ValuationRow } from '@/lib/inventory/reports/get-stock-valuation';
import type { lowStockRowSchema, valuationRowSchema } from '@/lib/inventory/reports/report-schemas';
import { checkAnswer, validatorAt } from '../integration/http/contract';

const API_DIR = join(process.cwd(), 'app/api');
/** Framework plumbing and the reference page for people: not part of the contract. */
/** Not JSON API: Auth.js, the catch-all 404, and the API reference page with its two scripts. */
const NOT_IN_CONTRACT = ['/api/auth/{nextauth}', '/api/{path}', '/api/docs', '/api/docs/redoc.standalone.js', '/api/docs/init.js'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface OperationDocument {
  operationId?: string;
  requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown>; additionalProperties: boolean } } } };
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }>;
}

/** Every operation the contract tests call: `api.get('/api/...')` and the like, and the catalog resources' five. */
function operationsExercised(): Set<string> {
  const dir = join(process.cwd(), 'tests/integration/http');
  const exercised = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [, method, path] of source.matchAll(/\bapi\.(get|post|put|patch|delete)(?:<[^(]*>)?\(\s*'(\/api\/[^']*)'/g)) exercised.add(`${method} ${path}`);
    if (file === 'catalog-resources.ts') {
      for (const [, path] of source.matchAll(/path: '(\/api\/[^']+)'/g)) {
        for (const operation of ['get', 'post']) exercised.add(`${operation} ${path}`);
        for (const operation of ['get', 'patch', 'delete']) exercised.add(`${operation} ${path}/{id}`);
      }
    }
  }
  return exercised;
}

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
  const document = buildOpenApiDocument() as {
    openapi: string;
    tags: Array<{ name: string; description: string }>;
    paths: Record<string, Record<string, OperationDocument>>;
    components: { schemas: Record<string, unknown> };
  };
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ key: `${method} ${path}`, path, method, operation })),
  );

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
    const schema = document.paths['/api/stock-movements']!.post!.requestBody!.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['productId', 'sku', 'type', 'quantity', 'toLocationId', 'unitCost']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('names every operation uniquely and files it under a described tag', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const described = new Set(document.tags.filter((tag) => tag.description).map((tag) => tag.name));
    expect(operations.filter(({ operation }) => !operation.summary || !operation.tags?.every((tag) => described.has(tag))).map(({ key }) => key)).toEqual([]);
  });

  it('documents every JSON success with a named schema and an example that matches it', { timeout: 30_000 }, () => {
    const problems: string[] = [];
    for (const { key, path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => status.startsWith('2'))) {
        const json = response.content?.['application/json'];
        if (!json) continue;
        if (!json.schema?.$ref?.startsWith('#/components/schemas/')) problems.push(`${key} ${status}: the schema is not a named component`);
        if (json.example === undefined) {
          problems.push(`${key} ${status}: no example (add one to lib/http/openapi-examples.ts)`);
          continue;
        }
        const escapedPath = path.replaceAll('~', '~0').replaceAll('/', '~1');
        const validate = validatorAt(`/paths/${escapedPath}/${method}/responses/${status}/content/application~1json/schema`);
        if (!validate(json.example)) problems.push(`${key} ${status}: the example does not match: ${JSON.stringify(validate.errors)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has an example for named answers only, each matching its schema', () => {
    const problems = Object.entries(OPENAPI_EXAMPLES).flatMap(([id, example]) => {
      if (!document.components.schemas[id]) return [`${id}: no such component`];
      const validate = validatorAt(`/components/schemas/${id}`);
      return validate(example) ? [] : [`${id}: ${JSON.stringify(validate.errors)}`];
    });
    expect(problems).toEqual([]);
  });

  it('has every operation exercised by the HTTP contract tests (tests/integration/http)', () => {
    const exercised = operationsExercised();
    expect(operations.map(({ key }) => key).filter((key) => !exercised.has(key))).toEqual([]);
  });

  it('builds when the global zod registry holds a second schema under a used id, as when the Next server loads a module once per bundle layer', () => {
    z.string().meta({ id: 'Money' });
    const again = buildOpenApiDocument() as typeof document;
    expect(again.components.schemas.Money).toEqual(document.components.schemas.Money);
  });

  it('keeps the report schemas equal to the rows the reports build', () => {
    expectTypeOf<z.output<typeof lowStockRowSchema>>().toEqualTypeOf<LowStockRow>();
    expectTypeOf<z.output<typeof valuationRowSchema>>().toEqualTypeOf<ValuationRow>();
  });
});

describe('the contract check of the HTTP tests', () => {
  const product = OPENAPI_EXAMPLES.ProductDetail as Record<string, unknown>;
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

  it('accepts an answer the document describes', async () => {
    const { body } = await checkAnswer(answer(200, product), 'get', '/api/products/{id}');
    expect(body).toEqual(product);
  });

  it('refuses a field the document does not name, a wrong type, an undocumented status and a malformed error', async () => {
    await expect(checkAnswer(answer(200, { ...product, secret: 'x' }), 'get', '/api/products/{id}')).rejects.toThrow(/additionalProperties|does not match/);
    await expect(checkAnswer(answer(200, { ...product, price: 12.5 }), 'get', '/api/products/{id}')).rejects.toThrow(/does not match/);
    await expect(checkAnswer(answer(418, product), 'get', '/api/products/{id}')).rejects.toThrow(/does not list/);
    await expect(checkAnswer(answer(404, { error: 'not found' }), 'get', '/api/products/{id}')).rejects.toThrow(/does not match/);
  });
});
