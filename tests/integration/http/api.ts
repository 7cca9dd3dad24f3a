/// <reference types="vite/client" />
import type { Role } from '@/lib/auth/roles';
import { createTestUser, unique } from '../helpers';
import { checkAnswer, type CheckedAnswer } from './contract';

/**
 * Calls the app's route handlers as Next.js does: the exported GET/POST/... of
 * app/api/<path>/route.ts with a real `Request` and `{ params }`, on this file's own test
 * database. Every answer is held to the OpenAPI document (./contract.ts) before the test
 * sees it. Paths are written as the document writes them (`/api/products/{id}`) and their
 * parameters given in `params`: tests/unit/openapi.test.ts reads these calls to check that
 * every documented operation is exercised here.
 *
 * Calls carry a bearer token, or none for public operations. A call with neither token nor
 * session would reach Auth.js's auth(), which reads the request through next/headers and
 * works only inside Next's own request handling: the cookie and no-credential paths are the
 * e2e tests' (real HTTP against `next start`). Use UNKNOWN_TOKEN for a 401 here.
 */

/** Well-formed, never issued: the answer to it is 401. */
export const UNKNOWN_TOKEN = 'sr_this-token-was-never-issued-0000000000000';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<Method, Handler>>;

const routeModules = import.meta.glob<RouteModule>('/app/api/**/route.ts');

export interface CallOptions {
  token?: string;
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  /** Sent as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is (for bodies that are not JSON). */
  body?: string;
  headers?: Record<string, string>;
}

const ORIGIN = 'http://stockroom.test';

/** The handler's raw answer, not yet checked against the document. */
export async function callRoute(method: Method, path: string, { token, params = {}, query = {}, json, body, headers = {} }: CallOptions = {}): Promise<Response> {
  const file = `/app${path.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
  const load = routeModules[file];
  if (!load) throw new Error(`No route file ${file} for ${path}`);
  const handler = (await load())[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? `{${name}}`)));
  const url = new URL(filled, ORIGIN);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const requestHeaders = new Headers(headers);
  if (token) requestHeaders.set('authorization', `Bearer ${token}`);
  if (json !== undefined) requestHeaders.set('content-type', 'application/json');
  const request = new Request(url, { method, headers: requestHeaders, body: json !== undefined ? JSON.stringify(json) : body });
  const stringParams = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return handler(request, { params: Promise.resolve(stringParams) });
}

const call =
  (method: Method) =>
  <Body = Record<string, unknown>>(path: string, options?: CallOptions): Promise<CheckedAnswer<Body>> =>
    callRoute(method, path, options).then((response) => checkAnswer<Body>(response, method, path));

export const api = { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };

export interface Caller {
  id: number;
  email: string;
  token: string;
}

/** A new user of the role, with an API token obtained through POST /api/tokens. */
export async function callerWithRole(role: Role): Promise<Caller> {
  const { user, password } = await createTestUser({ role });
  const { body } = await api.post<{ token: string }>('/api/tokens', { json: { email: user.email, password, name: unique('contract') } });
  return { id: user.id, email: user.email, token: body.token };
}

/** A product with a unique SKU, created through the API. */
export async function createProduct(token: string, fields: Record<string, unknown> = {}): Promise<{ id: number; sku: string }> {
  const sku = unique('HT').toUpperCase();
  const { status, body } = await api.post<{ id: number; sku: string }>('/api/products', { token, json: { sku, name: `Contract ${sku}`, price: '3.00', ...fields } });
  if (status !== 201) throw new Error(`Could not create a product: ${JSON.stringify(body)}`);
  return body;
}
