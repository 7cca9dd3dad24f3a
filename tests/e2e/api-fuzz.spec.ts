import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test, type TestInfo } from '@playwright/test';
import { E2E_ADMIN } from './fixtures/constants';

/**
 * Hostile input from the API's own document (issue 19). The served OpenAPI document is read,
 * and every operation in it, every documented body field, query parameter, path parameter and
 * header, gets values no form would send: wrong types, null, huge and tiny numbers, 2^31 and
 * 2^53, "NaN" and "Infinity" as text, empty and 20,000-character strings, NUL and other control
 * characters, right-to-left marks, zero-width characters, emoji, SQL and template injection,
 * prototype-pollution keys, arrays for objects, deeply nested JSON, a 6 MB body and headers
 * over the limit. Each field is changed alone, inside an otherwise valid request, so the bad
 * value travels as far into the handler as it can. fast-check draws extra values with fixed
 * seeds, so a failure reproduces.
 *
 * Asserted: no 5xx, no dropped connection, every error in the API's error shape, the server
 * healthy afterwards and `ledger:verify` clean on its database. The `api-postgres` project runs
 * this file again against the PostgreSQL server, so both engines are covered.
 *
 * Operations come from the document, so routes added later are fuzzed without an edit here.
 * The fuzzer acts as an ADMIN user of its own (created through the API), so that renaming or
 * re-roling "whoever is calling" never touches the shared e2e admin other specs sign in as, and
 * it aims path ids at rows it created. Two kinds of operation are handled with care, so the run
 * never locks anyone out:
 * - changing one's own password (`/api/me/password`) is skipped: it would end the fuzzer's session;
 * - a sign-in exchange (a public operation taking a password, POST /api/tokens) is sent only
 *   the credentials of a user of the fuzzer's own, and its email and password only values the
 *   boundary refuses: a failed sign-in counts against the client address, which every e2e spec
 *   shares, and against the email, and the shared admin's email is never used.
 * And `isDefault: true` is never sent: a new default location would take the movements of the
 * specs running beside this one.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  public: boolean;
  parameters: Array<{ name: string; in: string; schema: Schema }>;
  body?: Schema;
}

interface Case {
  label: string;
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  /** Raw body text, or a value to send as JSON. */
  body?: string | { json: unknown };
  /** Node's own HTTP parser may answer (431) before the app does: any 4xx then, in any shape. */
  beforeTheApp?: boolean;
}

const SKIPPED_PATHS = [/^\/api\/me\/password$/];
/** Enough requests in flight to keep the server busy while one waits on the disk. */
const CONCURRENCY = 8;
/**
 * Besides the ALWAYS values, each body field gets this many of the curated list (a fixed sample)
 * and of fast-check's random values; a query parameter, which reaches a read, gets fewer. About
 * 3,000 requests in all.
 */
const SAMPLE_PER_FIELD = { body: { curated: 7, random: 2 }, query: { curated: 4, random: 1 } };

const LONG_TEXT = 'x'.repeat(20_000);
/** Query strings and paths share Node's 16 KB header limit; the 20,000-character case is sent once, below. */
const LONG_URL_TEXT = 'x'.repeat(6_000);
const POLLUTION = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as Json;

function nested(depth: number): Json {
  let value: Json = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

/** Tried on every field. */
const ALWAYS: Json[] = [null, '\u0000', 'a\u0000b', LONG_TEXT, 2 ** 31, 2 ** 53, 'NaN', [], { a: 1 }, '\u202Eevil\u202C'];

/** Sampled per field. */
const CURATED: Json[] = [
  true,
  false,
  0,
  -1,
  1.5,
  -0.0001,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  'Infinity',
  '-Infinity',
  '1e309',
  '0x1F',
  '1_000',
  '١٢٣',
  ' 12 ',
  '12.345',
  '-0',
  '9999999999999999999999.99',
  '',
  ' ',
  '📦'.repeat(10_000),
  '\u0001\u0002\u0007\b\u000b\f\u000e\u001b[31m\u007f',
  'a\tb\nc\r\nd',
  '\u0085\u009f',
  '\u200F\u200E\u2066x\u2069',
  'Tools\u200B',
  '\uFEFFbom',
  '\uD800',
  '\uDFFF\uD800',
  '📦🧪👩‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͍',
  "' OR '1'='1",
  "'; DROP TABLE products; --",
  '1; SELECT pg_sleep(5)',
  '%_\\',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  "=cmd|' /C calc'!A0",
  [1, 2],
  [null],
  ['a'],
  {},
  { $gt: '' },
  POLLUTION,
  nested(2_000),
];

const PATH_VALUES = ['0', '-1', '1.5', '1e3', '0x10', '2147483648', '9007199254740993', '99999999999999999999', 'abc', '%00', 'a%00', '%20', '%2F', '%FF', 'null', 'NaN', 'Infinity', '%D9%A1', '%F0%9F%93%A6', LONG_URL_TEXT, "1'%20OR%20'1'%3D'1", '__proto__', 'constructor'];

/** Header values a client can send at all (fetch refuses control characters and non-Latin-1 in headers). */
const HEADER_VALUES = ['', ' ', 'x'.repeat(256), 'x'.repeat(8_000), "' OR '1'='1", '%00', 'ÿþ', '{{7*7}}', '../../etc/passwd'];

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (const character of text) hash = Math.imul(hash ^ character.codePointAt(0)!, 16777619);
  return hash >>> 0;
}

const RANDOM_VALUE: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.bigInt().map(String),
);

/** The values one field gets: the ALWAYS list, a fixed sample of the curated list, and a few drawn at random. */
function valuesFor(where: string, { curated, random }: { curated: number; random: number }): Json[] {
  const seed = hashSeed(where);
  const sampled = fc.sample(fc.shuffledSubarray(CURATED, { minLength: curated, maxLength: curated }), { numRuns: 1, seed })[0]!;
  return [...ALWAYS, ...sampled, ...fc.sample(RANDOM_VALUE, { numRuns: random, seed: seed + 1 })];
}

/** Query values are text: every JSON value as a client would write it in a URL. */
function queryText(value: Json): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONG_URL_TEXT.length ? LONG_URL_TEXT : text;
}

class Document {
  constructor(private readonly document: Schema) {}

  resolve(schema: unknown): Schema {
    let current = (schema ?? {}) as Schema;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops += 1) {
      const path = (current.$ref as string).replace(/^#\//, '').split('/');
      current = path.reduce<Schema>((node, key) => (node[key] ?? {}) as Schema, this.document);
    }
    return current;
  }

  operations(): Operation[] {
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries(this.document.paths as Record<string, Record<string, Schema>>)) {
      for (const [method, raw] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const parameters = ((raw.parameters ?? []) as unknown[]).map((parameter) => {
          const resolved = this.resolve(parameter);
          return { name: String(resolved.name), in: String(resolved.in), schema: this.resolve(resolved.schema) };
        });
        const content = (this.resolve(raw.requestBody).content ?? {}) as Record<string, Schema>;
        const body = content['application/json'] ? this.resolve(content['application/json'].schema) : undefined;
        operations.push({ method: method.toUpperCase(), path, public: Array.isArray(raw.security) && raw.security.length === 0, parameters, body });
      }
    }
    return operations;
  }

  /** The error codes the document promises (components.schemas.Error). */
  errorCodes(): string[] {
    const error = this.resolve({ $ref: '#/components/schemas/Error' });
    return ((this.resolve((error.properties as Schema).code).enum ?? []) as string[]).slice();
  }
}

/** Rows this run created, by collection (the path segment before an id), for valid ids in paths and bodies. */
type Fixtures = Record<string, number>;

/** `productId` → `products`, `categoryId` → `categories`, `purchaseOrderId` → `purchase-orders`. */
function collectionOfIdField(name: string): string | undefined {
  const match = /^(?:to|from)?([A-Za-z]+?)Id$/i.exec(name);
  if (!match) return undefined;
  const singular = match[1]!.replace(/^[A-Z]/, (letter) => letter.toLowerCase());
  const plural = singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  return plural.replace(/([A-Z])/g, (letter) => `-${letter.toLowerCase()}`);
}

let serial = 0;

/**
 * A valid value for a schema, as far as the document tells: enums take their first value, ids
 * point at this run's rows, strings are unique per request so that creations do not collide.
 */
function exampleOf(document: Document, raw: unknown, name: string, fixtures: Fixtures): Json | undefined {
  const schema = document.resolve(raw);
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (alternatives) {
    const usable = alternatives.map((alternative) => document.resolve(alternative)).find((alternative) => alternative.type !== 'null');
    return usable ? exampleOf(document, usable, name, fixtures) : null;
  }
  if (Array.isArray(schema.allOf)) return exampleOf(document, { ...document.resolve(schema.allOf[0]), ...schema, allOf: undefined }, name, fixtures);
  if (schema.const !== undefined) return schema.const as Json;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  serial += 1;
  if (types.includes('string') && types.includes('number')) return '1.00';
  if (types.includes('integer') || types.includes('number')) {
    const collection = collectionOfIdField(name);
    if (collection && fixtures[collection]) return fixtures[collection]!;
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : Number.MAX_SAFE_INTEGER;
    return Math.min(Math.max(1, minimum), maximum);
  }
  if (types.includes('boolean')) return false;
  if (types.includes('array')) {
    const item = exampleOf(document, schema.items, name, fixtures);
    return item === undefined ? [] : [item];
  }
  if (types.includes('object') || schema.properties) return objectExample(document, schema, fixtures);
  if (types.includes('string')) {
    if (schema.format === 'email' || /email/i.test(name)) return `fuzz-${serial}-${randomUUID().slice(0, 6)}@e2e.test`;
    if (schema.format === 'date' || /^(from|to|asOf)$/.test(name)) return new Date().toISOString().slice(0, 10);
    if (schema.format === 'date-time') return new Date().toISOString();
    if (/password/i.test(name)) return `fuzz-password-${serial}`;
    const text = `F${serial}-${randomUUID().slice(0, 8)}`;
    const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : undefined;
    if (pattern && !pattern.test(text)) return undefined;
    return typeof schema.maxLength === 'number' ? text.slice(0, schema.maxLength) : text;
  }
  return undefined;
}

/**
 * Every property the document lists, valid, except `sku` beside a `productId` (a movement
 * takes one or the other) and a transfer's `toLocationId` (the baseline movement is a receipt).
 */
function objectExample(document: Document, schema: Schema, fixtures: Fixtures): { [key: string]: Json } {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const example: { [key: string]: Json } = {};
  for (const [name, property] of Object.entries(properties)) {
    if (name === 'sku' && 'productId' in properties) continue;
    if (name === 'toLocationId') continue;
    const value = exampleOf(document, property, name, fixtures);
    if (value !== undefined) example[name] = value;
  }
  return example;
}

/** The paths inside a body that the fuzzer changes: its fields, and the fields of the first item of an array of objects. */
function fieldPaths(document: Document, schema: Schema): string[][] {
  const paths: string[][] = [];
  for (const [name, raw] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
    paths.push([name]);
    const property = document.resolve(raw);
    const items = property.type === 'array' ? document.resolve(property.items) : undefined;
    for (const inner of Object.keys((items?.properties ?? {}) as Record<string, unknown>)) paths.push([name, '0', inner]);
  }
  return paths;
}

function withValueAt(body: Json, path: string[], value: Json | undefined): Json {
  const copy = structuredClone(body) as { [key: string]: Json };
  let node: Record<string, Json> | Json[] = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string, Json>)[key] as Record<string, Json>;
  const last = path.at(-1)!;
  if (value === undefined) delete (node as Record<string, Json>)[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function fillPath(operation: Operation, fixtures: Fixtures, override?: { name: string; value: string }): string {
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (override?.name === name) return override.value;
    const segments = operation.path.split('/');
    const collection = segments[segments.indexOf(`{${name}}`) - 1]!;
    return String(fixtures[collection] ?? 999_999);
  });
}

function query(entries: Array<[string, string]>): string {
  return new URLSearchParams(entries).toString();
}

function takesPassword(operation: Operation): boolean {
  return Object.keys((operation.body?.properties ?? {}) as object).some((name) => /password/i.test(name));
}

/** Whether this operation trades credentials for a token: public, with a password in its body. */
function isSignIn(operation: Operation): boolean {
  return operation.public && takesPassword(operation);
}

/**
 * Fields whose `true` changes what every other spec running beside this one sees: a new
 * default location would receive their movements. Every other value is still sent.
 */
const SHARED_SWITCHES = new Set(['isDefault']);

/** Values the boundary refuses for an email or password, so that no sign-in fails and counts. */
const REFUSED_CREDENTIALS: Json[] = [null, 0, 2 ** 53, true, [], { a: 1 }, '', '\u0000', 'a\u0000b', LONG_TEXT, POLLUTION];

function casesFor(document: Document, operation: Operation, fixtures: Fixtures, signIn: { email: string; password: string }): Case[] {
  const cases: Case[] = [];
  const { method } = operation;
  const path = fillPath(operation, fixtures);
  const credentials = isSignIn(operation);
  const baseline = (): Json | undefined => {
    if (!operation.body) return undefined;
    const example = objectExample(document, operation.body, fixtures);
    if (credentials) Object.assign(example, signIn);
    return example;
  };
  const send = (label: string, extra: Omit<Case, 'label' | 'method' | 'path'> & { path?: string }): void => {
    const body = extra.body ?? (operation.body ? { json: baseline() } : undefined);
    cases.push({ label: `${method} ${operation.path} ${label}`, method, path, ...extra, body });
  };

  send('baseline', {});
  for (const parameter of operation.parameters) {
    const where = `${method} ${operation.path} ${parameter.in}:${parameter.name}`;
    if (parameter.in === 'path') {
      for (const value of PATH_VALUES) send(`path ${parameter.name}=${value.slice(0, 40)}`, { path: fillPath(operation, fixtures, { name: parameter.name, value }) });
    } else if (parameter.in === 'query') {
      for (const value of valuesFor(where, SAMPLE_PER_FIELD.query)) send(`query ${parameter.name}=${JSON.stringify(value)?.slice(0, 60)}`, { query: query([[parameter.name, queryText(value)]]) });
      send(`query ${parameter.name} twice`, { query: query([[parameter.name, '1'], [parameter.name, '2']]) });
      send(`query ${parameter.name} raw bad escapes`, { query: `${encodeURIComponent(parameter.name)}=%FF%FE%&${encodeURIComponent(parameter.name)}%00=1` });
    } else if (parameter.in === 'header') {
      for (const value of HEADER_VALUES) send(`header ${parameter.name}=${value.slice(0, 40)}`, { headers: { [parameter.name]: value } });
    }
  }
  send('query with a NUL key, __proto__ and constructor', { query: 'a%00b=1&__proto__=x&constructor=y&__proto__[polluted]=yes' });
  send('huge Authorization', { headers: { authorization: `Bearer ${'x'.repeat(8_000)}` } });

  if (!operation.body) return cases;
  for (const fieldPath of fieldPaths(document, operation.body)) {
    const where = `${method} ${operation.path} body:${fieldPath.join('.')}`;
    const name = fieldPath.at(-1)!;
    // Every accepted request to an operation that takes a password runs bcrypt (about 0.1 s of
    // CPU): those get the ALWAYS values only, which keeps the run inside its time.
    const values = credentials && /email|password/i.test(name) ? REFUSED_CREDENTIALS : takesPassword(operation) ? ALWAYS : valuesFor(where, SAMPLE_PER_FIELD.body);
    for (const value of values) {
      if (SHARED_SWITCHES.has(name) && value === true) continue;
      const body = baseline();
      if (body === undefined) continue;
      const label = `body ${fieldPath.join('.')}=${(JSON.stringify(value) ?? 'undefined').slice(0, 60)}`;
      if (fieldPath.length > 1 && !Array.isArray((body as Record<string, Json>)[fieldPath[0]!])) continue;
      send(label, { body: { json: withValueAt(body, fieldPath, value) } });
    }
    if (!credentials) send(`body without ${fieldPath.join('.')}`, { body: { json: withValueAt(baseline()!, fieldPath, undefined) } });
  }
  const whole = baseline() as { [key: string]: Json };
  const polluted = JSON.parse(JSON.stringify(whole)) as Record<string, Json>;
  Object.defineProperty(polluted, '__proto__', { value: { polluted: 'yes', isAdmin: true }, enumerable: true });
  Object.defineProperty(polluted, 'constructor', { value: { prototype: { polluted: 'yes' } }, enumerable: true });
  const wholeBodies: Array<[string, string | { json: unknown }]> = [
    ['null', { json: null }],
    ['a string', { json: 'text' }],
    ['a number', { json: 2 ** 53 }],
    ['an array of the object', { json: [whole] }],
    ['an empty object', { json: {} }],
    ['an unknown key', { json: { ...whole, fuzzUnknown: 1 } }],
    ['prototype-pollution keys', { json: polluted }],
    ['malformed JSON', '{"name": [1, 2'],
    ['empty', ''],
    ['a NUL outside any string', '{"name":"x"}\u0000'],
    ['deeply nested (100,000 levels)', `{"${Object.keys(whole)[0] ?? 'x'}":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['6 MB', `{"${Object.keys(whole)[0] ?? 'x'}":"${'x'.repeat(6 * 1024 * 1024)}"}`],
  ];
  for (const [label, body] of wholeBodies) send(`body ${label}`, { body });
  send('body as text/plain', { headers: { 'content-type': 'text/plain' } });
  return cases;
}

interface Outcome {
  status: number;
  text: string;
  contentType: string;
}

async function sendCase(baseURL: string, token: string, item: Case): Promise<Outcome> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...item.headers };
  let body: string | undefined;
  if (item.body !== undefined) {
    body = typeof item.body === 'string' ? item.body : JSON.stringify(item.body.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseURL}${item.path}${item.query ? `?${item.query}` : ''}`, { method: item.method, headers, body, redirect: 'manual' });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

/** What is wrong with an answer, or undefined when it is fine. */
function problemWith(item: Case, outcome: Outcome, errorCodes: string[]): string | undefined {
  if (outcome.status >= 500) return `${outcome.status}: ${outcome.text.slice(0, 200)}`;
  if (outcome.text.includes('"polluted"')) return `echoed a polluted prototype: ${outcome.text.slice(0, 200)}`;
  if (outcome.status < 400) return undefined;
  if (item.beforeTheApp) return undefined;
  if (!outcome.contentType.includes('application/json')) return `${outcome.status} without a JSON body (${outcome.contentType}): ${outcome.text.slice(0, 120)}`;
  let body: { code?: unknown; message?: unknown; errors?: unknown };
  try {
    body = JSON.parse(outcome.text) as typeof body;
  } catch {
    return `${outcome.status} with a body that is not JSON: ${outcome.text.slice(0, 120)}`;
  }
  if (typeof body.code !== 'string' || !errorCodes.includes(body.code) || typeof body.message !== 'string') return `not the error shape: ${outcome.text.slice(0, 200)}`;
  if (body.errors !== undefined && (typeof body.errors !== 'object' || body.errors === null || Object.values(body.errors).some((message) => typeof message !== 'string'))) {
    return `errors is not a map of messages: ${outcome.text.slice(0, 200)}`;
  }
  return undefined;
}

async function runAll<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** DATABASE_URL of the server under test (scripts/e2e-server.ts: one database per port). */
function serverDatabaseUrl(testInfo: TestInfo, port: string): string {
  if (testInfo.project.name === 'api-postgres') {
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.pathname = `/stockroom_e2e_${port}`;
    return url.toString();
  }
  return `file:${join(process.cwd(), `data/e2e-${port}`, 'e2e.db')}`;
}

function verifyLedger(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/ledger-verify.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function api(baseURL: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function created(baseURL: string, token: string | undefined, path: string, body: unknown): Promise<Record<string, unknown>> {
  const { status, json } = await api(baseURL, token, 'POST', path, body);
  expect(status, `${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** An ADMIN of the fuzzer's own, its rows and a second user for sign-ins, through the API. */
async function prepare(baseURL: string) {
  const tag = randomUUID().slice(0, 8);
  const shared = (await created(baseURL, undefined, '/api/tokens', { ...E2E_ADMIN, name: 'fuzz setup' })).token as string;
  const password = `fuzz-pw-${tag}`;
  const admin = await created(baseURL, shared, '/api/users', { email: `fuzz-admin-${tag}@e2e.test`, name: 'Fuzz admin', password, role: 'ADMIN' });
  const token = (await created(baseURL, undefined, '/api/tokens', { email: admin.email, password, name: 'fuzz' })).token as string;
  const victim = await created(baseURL, undefined, '/api/tokens', { email: admin.email, password, name: 'fuzz victim' });
  const signIn = { email: `fuzz-signin-${tag}@e2e.test`, password: `fuzz-pw-${tag}-signin` };
  await created(baseURL, token, '/api/users', { ...signIn, name: 'Fuzz sign-in', role: 'VIEWER' });
  const target = await created(baseURL, token, '/api/users', { email: `fuzz-target-${tag}@e2e.test`, name: 'Fuzz target', password, role: 'CLERK' });
  const category = await created(baseURL, token, '/api/categories', { name: `Fuzz ${tag}` });
  const supplier = await created(baseURL, token, '/api/suppliers', { name: `Fuzz ${tag}` });
  const location = await created(baseURL, token, '/api/locations', { code: `FZ-${tag}`, name: `Fuzz ${tag}` });
  const product = await created(baseURL, token, '/api/products', { sku: `FUZZ-${tag}`, name: `Fuzz ${tag}`, price: '2.00', categoryId: category.id, reorderLevel: 5 });
  const posted = await created(baseURL, token, '/api/stock-movements', { productId: product.id, type: 'RECEIPT', quantity: 2, locationId: location.id, unitCost: '1.00' });
  const { json: link } = await api(baseURL, token, 'PUT', `/api/products/${product.id as number}/suppliers/${supplier.id as number}`, { leadTimeDays: 3 });
  expect(link).toBeTruthy();
  const alerts = await api(baseURL, token, 'GET', `/api/inventory-alerts?limit=200`);
  const alert = (alerts.json.data as Array<{ id: number; productId: number }>).find((row) => row.productId === product.id);
  const exports = (await created(baseURL, token, '/api/exports/run', undefined)).data as Array<{ id: number }>;
  const fixtures: Fixtures = {
    users: target.id as number,
    tokens: victim.id as number,
    categories: category.id as number,
    suppliers: supplier.id as number,
    locations: location.id as number,
    products: product.id as number,
    'stock-movements': (posted.data as Array<{ id: number }>)[0]!.id,
    'inventory-alerts': alert?.id ?? 999_999,
    exports: exports[0]?.id ?? 999_999,
  };
  return { token, fixtures, signIn };
}

test('every documented input, fed what no form would send, is answered without a 5xx, and the server and ledger stay sound', async ({}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const port = new URL(baseURL).port;
  const { token, fixtures, signIn } = await prepare(baseURL);

  const served = await fetch(`${baseURL}/api/openapi.json`, { headers: { authorization: `Bearer ${token}` } });
  expect(served.status).toBe(200);
  const document = new Document((await served.json()) as Schema);
  const errorCodes = document.errorCodes();
  expect(errorCodes).toContain('VALIDATION_FAILED');

  const operations = document.operations().filter((operation) => !SKIPPED_PATHS.some((skipped) => skipped.test(operation.path)));
  // Ids these operations still need come from the lists, for collections this run did not create rows in.
  for (const operation of operations) {
    for (const match of operation.path.matchAll(/\/([\w-]+)\/\{\w+\}/g)) {
      const collection = match[1]!;
      if (fixtures[collection] !== undefined) continue;
      const { status, json } = await api(baseURL, token, 'GET', `/api/${collection}?limit=1`);
      fixtures[collection] = status === 200 ? ((json.data as Array<{ id: number }> | undefined)?.[0]?.id ?? 999_999) : 999_999;
    }
  }
  // Deletions last, so the rows the other operations aim at are still there while they run.
  operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const built = performance.now();
  const cases = operations.flatMap((operation) => casesFor(document, operation, fixtures, signIn));
  cases.push({
    label: 'a header past Node’s 16 KB limit',
    method: 'GET',
    path: '/api/products',
    headers: { 'x-fuzz': 'x'.repeat(20_000) },
    beforeTheApp: true,
  });
  cases.push({ label: 'a 20,000-character query value', method: 'GET', path: '/api/products', query: query([['q', LONG_TEXT]]), beforeTheApp: true });

  const prepared = performance.now();
  // Building the cases kept the event loop busy: let the client notice keep-alive sockets the
  // server closed meanwhile, or the first requests would go out on dead ones.
  await new Promise((resolve) => setTimeout(resolve, 100));

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const slowest: Array<{ label: string; ms: number }> = [];
  const started = performance.now();
  await runAll(cases, CONCURRENCY, async (item) => {
    const sent = performance.now();
    try {
      const outcome = await sendCase(baseURL, token, item);
      slowest.push({ label: item.label.slice(0, 80), ms: Math.round(performance.now() - sent) });
      slowest.sort((a, b) => b.ms - a.ms).splice(3);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      const problem = problemWith(item, outcome, errorCodes);
      if (problem) failures.push(`${item.label}: ${problem}`);
    } catch (error) {
      failures.push(`${item.label}: the request failed (${String((error as Error).cause ?? error)})`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `api-fuzz (${testInfo.project.name}): ${cases.length} requests over ${operations.length} operations in ${seconds.toFixed(1)} s ` +
      `(cases built in ${((prepared - built) / 1000).toFixed(1)} s); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ` +
      `slowest ${JSON.stringify(slowest)}`,
  );
  expect(failures.slice(0, 25), `${failures.length} of ${cases.length} answers were wrong`).toEqual([]);

  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
  const ledger = await verifyLedger(serverDatabaseUrl(testInfo, port));
  expect(ledger.code, ledger.output).toBe(0);
});
