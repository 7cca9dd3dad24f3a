import { db } from '@/lib/db/client';
import type { ReportExport } from '@/lib/db/generated/sqlite/client';
import { toPage, type Page, type PageQuery } from '@/lib/pagination';

export async function listExports({ limit, cursor }: PageQuery): Promise<Page<ReportExport>> {
  const rows = await db().reportExport.findMany({
    where: cursor ? { id: { lt: cursor } } : undefined,
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return toPage(rows, limit);
}
