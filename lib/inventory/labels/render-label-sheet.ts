import { z } from 'zod';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { idSchema } from '../schema-parts';
import { drawLabelSheet, PAPER_SIZES, type Paper } from './draw-label-sheet';

/** Ten A4 sheets: more is a print job for a label printer, not a browser download. */
export const MAX_LABELS = 210;

/** `?ids=1,2,3` (a product twice prints two labels) and `?paper=a4|letter`. */
export const labelSheetQuerySchema = z.object({
  ids: z
    .string({ message: 'ids is required: product ids separated by commas' })
    .trim()
    .min(1, 'ids is required: product ids separated by commas')
    .max(MAX_LABELS * 11, `At most ${MAX_LABELS} labels per sheet`)
    .transform((value, context) => {
      const parts = value.split(',').map((part) => part.trim());
      if (parts.length > MAX_LABELS) {
        context.addIssue({ code: 'custom', message: `At most ${MAX_LABELS} labels per sheet; ${parts.length} were asked for` });
        return z.NEVER;
      }
      const ids: number[] = [];
      for (const part of parts) {
        const id = /^\d{1,10}$/.test(part) ? idSchema.safeParse(Number(part)) : undefined;
        if (!id?.success) {
          context.addIssue({ code: 'custom', message: `"${part.slice(0, 20)}" is not a product id` });
          return z.NEVER;
        }
        ids.push(id.data);
      }
      return ids;
    }),
  paper: z.enum(PAPER_SIZES, { message: 'paper must be a4 or letter' }).default('a4'),
});

/**
 * A PDF sheet with one label per id, in the order given (draw-label-sheet.ts). Unknown or
 * deleted products are a 404 naming them, before anything is drawn.
 */
export async function renderLabelSheet({ ids, paper }: { ids: number[]; paper: Paper }): Promise<Uint8Array> {
  const products = await db().product.findMany({ where: { id: { in: [...new Set(ids)] }, deletedAt: null }, select: { id: true, sku: true, name: true, barcode: true } });
  const byId = new Map(products.map((product) => [product.id, product]));
  const missing = [...new Set(ids.filter((id) => !byId.has(id)))];
  if (missing.length > 0) {
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', ...' : '');
    throw new AppError('NOT_FOUND', `No live product with id ${list}.`, { fieldErrors: { ids: `No live product with id ${list}` } });
  }

  return drawLabelSheet({ labels: ids.map((id) => byId.get(id)!), paper });
}
