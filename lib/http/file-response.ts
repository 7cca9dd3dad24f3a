import { getShopSettings } from '@/lib/settings/get-shop-settings';
import { shopDayOf } from '@/lib/time/shop-day';

/** A download name dated with the shop's day (its time zone), such as `stock-valuation-2026-11-25.csv`. */
export async function datedFileName(base: string, extension: 'csv' | 'json', date = new Date()): Promise<string> {
  return `${base}-${shopDayOf(date, (await getShopSettings()).timezone)}.${extension}`;
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
export function jsonArrayStream<Row>(rows: AsyncIterable<Row>, present: (row: Row) => unknown = (row) => row): ReadableStream<Uint8Array> {
  return jsonObjectStream({ rows, present });
}

/**
 * JSON `{ ...head, "data": [...], ...tail() }` streamed row by row: `tail` is called once the
 * rows are all written, so it can carry totals computed while streaming them.
 */
export function jsonObjectStream<Row>({
  head = {},
  rows,
  present = (row) => row,
  tail = () => ({}),
}: {
  head?: Record<string, unknown>;
  rows: AsyncIterable<Row>;
  present?: (row: Row) => unknown;
  tail?: () => Record<string, unknown>;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  const members = (object: Record<string, unknown>) => Object.entries(object).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`{${[...members(head), '"data":['].join(',')}`));
        return;
      }
      const parts: string[] = [];
      for (let count = 0; count < 500; count += 1) {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode(`${parts.join('')}]${members(tail()).map((member) => `,${member}`).join('')}}`));
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
