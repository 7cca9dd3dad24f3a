import { authorizeSchedulerOr } from '@/lib/auth/actor';
import { environment } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { jsonResponse } from '@/lib/http/responses';
import { apiRoute, methodNotAllowed } from '@/lib/http/route';
import { presentExport } from '@/lib/inventory/reports/present-export';
import { runExport } from '@/lib/inventory/reports/run-export';

export const dynamic = 'force-dynamic';

async function run(request: Request, { schedulerOnly }: { schedulerOnly: boolean }): Promise<Response> {
  const { CRON_SECRET, EXPORT_DIR } = environment();
  const caller = await authorizeSchedulerOr(request, 'exports:run', CRON_SECRET);
  if (schedulerOnly && caller !== 'scheduler') {
    throw new AppError('METHOD_NOT_ALLOWED', 'Use POST to run the export; GET is only for a scheduler with CRON_SECRET.');
  }
  const exports = await runExport({ exportDir: EXPORT_DIR, actorId: caller === 'scheduler' ? null : caller.id });
  return jsonResponse({ data: exports.map(presentExport) }, { status: 201 });
}

/** The scheduled export: `Authorization: Bearer $CRON_SECRET`, or an ADMIN. */
export const POST = apiRoute((request) => run(request, { schedulerOnly: false }));

/** Vercel Cron calls with GET and `Authorization: Bearer $CRON_SECRET`; only that is accepted here. */
export const GET = apiRoute((request) => run(request, { schedulerOnly: true }));

/** Anything else is 405 in the API's error shape, naming what the resource accepts. */
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
