/** A dated download name such as `stock-valuation-2026-11-25.csv`. */
export function datedFileName(base: string, extension: 'csv' | 'json', date = new Date()): string {
  return `${base}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/** A streamed or whole file answer with the headers a browser and a script both understand. */
export function fileResponse(body: ReadableStream<Uint8Array> | string, { fileName, contentType }: { fileName: string; contentType: string }): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** JSON `{ "data": [...] }` streamed row by row, for exports too large to hold in memory. */
export function jsonArrayStream<Row>(rows: AsyncIterable<Row>, present: (row: Row) => unknown): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('{"data":['));
        return;
      }
      const parts: string[] = [];
      for (let count = 0; count < 500; count += 1) {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode(`${parts.join('')}]}`));
          controller.close();
          return;
        }
        parts.push(`${first ? '' : ','}${JSON.stringify(present(next.value))}`);
        first = false;
      }
      controller.enqueue(encoder.encode(parts.join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
