/** Shown inside the shell while a signed-in page renders: the shape of a page, not a spinner. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse motion-reduce:animate-none">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true">
        <div className="h-7 w-40 rounded-md bg-slate-200" />
        <div className="mt-2 h-4 w-72 max-w-full rounded bg-slate-200/70" />
        <div className="mt-6 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          {[0, 1, 2, 3].map((key) => (
            <div key={key} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
              <div className="h-4 w-20 rounded bg-slate-200/80" />
              <div className="mt-3 h-7 w-24 rounded bg-slate-200" />
              <div className="mt-2 h-3 w-16 rounded bg-slate-100" />
            </div>
          ))}
        </div>
        <div className="mt-6 rounded-xl border border-slate-200 bg-white">
          <div className="border-b border-slate-100 px-5 py-4">
            <div className="h-4 w-32 rounded bg-slate-200" />
          </div>
          <div className="divide-y divide-slate-100">
            {[0, 1, 2, 3, 4].map((key) => (
              <div key={key} className="flex items-center gap-4 px-5 py-4">
                <div className="h-5 w-16 rounded-full bg-slate-100" />
                <div className="flex-1 space-y-2">
                  <div className="h-3.5 w-1/2 rounded bg-slate-200/80" />
                  <div className="h-3 w-1/3 rounded bg-slate-100" />
                </div>
                <div className="h-4 w-8 rounded bg-slate-200/80" />
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
