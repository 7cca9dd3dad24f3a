import { authorizeSchedulerOr } from '@/lib/auth/actor';
import { environment } from '@/lib/env';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute } from '@/lib/http/route';
import { presentExport } from '@/lib/inventory/reports/present-export';
import { runExport } from '@/lib/inventory/reports/run-export';

export const dynamic = 'force-dynamic';

/** The scheduled export: `Authorization: Bearer $CRON_SECRET`, or an ADMIN. */
export const POST = apiRoute(async (request) => {
  const { CRON_SECRET, EXPORT_DIR } = environment();
  const caller = await authorizeSchedulerOr(request, 'exports:run', CRON_SECRET);
  const exports = await runExport({ exportDir: EXPORT_DIR, actorId: caller === 'scheduler' ? null : caller.id });
  return jsonResponse({ data: exports.map(presentExport) }, { status: 201 });
});
