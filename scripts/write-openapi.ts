/**
 * Writes the OpenAPI document the server serves at /api/openapi.json to a file, for
 * `npm run lint:api` (Redocly) and client generators: `tsx scripts/write-openapi.ts <file>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocument } from '@/lib/http/openapi';

const file = process.argv[2];
if (!file) {
  console.error('Usage: tsx scripts/write-openapi.ts <file.json>');
  process.exit(2);
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`Wrote ${file}`);
