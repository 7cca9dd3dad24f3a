/**
 * Links to the report API (the session cookie authorises a GET). CSV comes as an attachment;
 * JSON gets the `download` attribute so that it is saved rather than opened.
 */
export function DownloadLinks({ csv, json, jsonFileName, label }: { csv: string; json?: string; jsonFileName?: string; label: string }) {
  const style =
    'inline-flex h-8 items-center gap-1.5 whitespace-nowrap rounded-lg bg-white px-3 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50';
  const icon = (
    <svg viewBox="0 0 24 24" className="h-4 w-4 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </svg>
  );
  return (
    <div className="flex gap-2">
      <a href={csv} className={style} aria-label={`Download ${label} as CSV`}>
        {icon}
        CSV
      </a>
      {json && (
        <a href={json} download={jsonFileName ?? true} className={style} aria-label={`Download ${label} as JSON`}>
          {icon}
          JSON
        </a>
      )}
    </div>
  );
}
