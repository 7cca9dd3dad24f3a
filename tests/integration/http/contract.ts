import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { buildOpenApiDocument } from '@/lib/http/openapi';

/**
 * Checks real answers of the route handlers against the OpenAPI document the server serves
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12): the status must be one the operation
 * documents, the content type one it documents for that status, and a JSON body must match
 * that schema, error bodies included. Schemas forbid properties they do not name, so a field
 * added to an answer and not to its schema fails here.
 */

interface MediaType {
  schema?: unknown;
}
interface OperationDocument {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OperationDocument>>;
}

export const openApiDocument = buildOpenApiDocument() as unknown as OpenApiDocument;

const DOCUMENT_ID = 'stockroom-openapi.json';

/** `example` and other OpenAPI-only keywords are annotations to Ajv, not errors. */
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument as object, DOCUMENT_ID);

const pointerEscape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

export function documentedOperation(method: string, path: string): OperationDocument {
  const operation = openApiDocument.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
  return operation;
}

/** A validator for a schema inside the document, by its JSON pointer (refs resolve against the whole document). */
export function validatorAt(pointer: string) {
  const validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
  if (!validate) throw new Error(`No schema at ${pointer}`);
  return validate;
}

export interface CheckedAnswer<Body> {
  status: number;
  body: Body;
  response: Response;
}

/**
 * Reads the answer and holds it to the document: `path` is the operation's path as the
 * document writes it (`/api/products/{id}`). Returns the parsed JSON body (or the text of
 * a CSV, or null for an empty answer).
 */
export async function checkAnswer<Body = unknown>(response: Response, method: string, path: string): Promise<CheckedAnswer<Body>> {
  const operation = documentedOperation(method, path);
  const where = `${method.toUpperCase()} ${path} answered ${response.status}`;
  const documented = operation.responses[String(response.status)];
  const text = await response.text();
  expect(documented, `${where}, a status the document does not list: ${text.slice(0, 300)}`).toBeDefined();
  const content = documented!.content;
  if (!content) {
    expect(text, `${where} with a body the document does not describe`).toBe('');
    return { status: response.status, body: null as Body, response };
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  expect(Object.keys(content), `${where} as ${mediaType}`).toContain(mediaType);
  if (mediaType !== 'application/json') return { status: response.status, body: text as Body, response };

  const body: unknown = JSON.parse(text);
  const pointer = `/paths/${pointerEscape(path)}/${method.toLowerCase()}/responses/${response.status}/content/${pointerEscape(mediaType)}/schema`;
  const validate = validatorAt(pointer);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${where}: the body does not match the document: ${text.slice(0, 500)}`).toEqual([]);
  return { status: response.status, body: body as Body, response };
}
