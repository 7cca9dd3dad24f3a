export default function Loading() {
  return (
    <div className="animate-pulse" aria-busy="true" aria-label="Loading">
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="mt-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="h-28 rounded-xl bg-slate-200/70" />
        ))}
      </div>
      <div className="mt-6 h-64 rounded-xl bg-slate-200/60" />
    </div>
  );
}
