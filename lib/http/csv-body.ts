import { AppError, validationFailed } from '@/lib/errors';

const CSV_TYPES = /^(text\/csv|application\/csv|text\/plain)\b/i;

/**
 * Reads a `text/csv` body as UTF-8 text within `maxBytes`, counted as the bytes arrive: a
 * declared Content-Length over the limit is refused before reading, and a body that grows
 * past it is cut off at that point (413), so an oversized upload is never held whole. Bytes
 * that are not UTF-8 and NUL characters are a 400 (PostgreSQL stores neither).
 */
export async function readCsvBody(request: Request, { maxBytes }: { maxBytes: number }): Promise<string> {
  if (!CSV_TYPES.test(request.headers.get('content-type') ?? '')) {
    throw validationFailed({ _: 'Send the file as the body with content-type: text/csv.' }, 'The body must be CSV (text/csv).');
  }
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `An import file may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    // ignoreBOM keeps a byte order mark for the CSV reader, which expects and removes it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw validationFailed({ _: 'Save the file as CSV UTF-8 and try again.' }, 'The file is not UTF-8 text.');
  }
  if (text.includes('\u0000')) throw validationFailed({ _: 'The file contains a NUL character; is it really a CSV file?' }, 'The file must not contain NUL characters.');
  return text;
}
