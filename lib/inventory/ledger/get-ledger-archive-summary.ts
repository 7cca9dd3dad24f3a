import { db } from '@/lib/db/client';

export interface LedgerArchiveSummary {
  liveRows: number;
  archivedRows: number;
  /** The newest archive runs first; `finishedAt` null is a run that stopped half-way (the next one finishes it). */
  runs: Array<{ id: number; beforeDay: string; archived: number; checkpoints: number; startedAt: Date; finishedAt: Date | null }>;
}

/** What the Settings panel shows about archiving: row counts in each table and the latest runs. */
export async function getLedgerArchiveSummary({ runs = 10 }: { runs?: number } = {}): Promise<LedgerArchiveSummary> {
  const [liveRows, archivedRows, latest] = await Promise.all([
    db().stockMovement.count(),
    db().stockMovementArchive.count(),
    db().ledgerArchiveRun.findMany({
      orderBy: { id: 'desc' },
      take: runs,
      select: { id: true, beforeDay: true, archived: true, checkpoints: true, startedAt: true, finishedAt: true },
    }),
  ]);
  return { liveRows, archivedRows, runs: latest };
}
