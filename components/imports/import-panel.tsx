'use client';

import { useId, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button, Spinner } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { detectDelimiter, splitCsvRecords } from '@/lib/inventory/imports/csv-dialect';

/** What each import's answer says about a row; the line is the key. */
interface RowAnswer {
  line: number;
  status: 'created' | 'updated' | 'unchanged';
  changes: string[];
  note?: string;
}

type Phase = { step: 'idle' } | { step: 'sending'; dryRun: boolean; progress: number } | { step: 'checked' } | { step: 'done' } | { step: 'failed'; message: string };

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const SHOWN_ROWS = 200;

const STATUS: Record<RowAnswer['status'] | 'error', { label: string; tone: BadgeTone }> = {
  created: { label: 'New', tone: 'green' },
  updated: { label: 'Changed', tone: 'blue' },
  unchanged: { label: 'Unchanged', tone: 'neutral' },
  error: { label: 'Error', tone: 'red' },
};

/**
 * Sends the file with XMLHttpRequest rather than fetch: its upload reports progress, which a
 * 10 MB file on a slow line needs. Same origin, so the session cookie and Origin go with it.
 */
function send(url: string, text: string, headers: Record<string, string>, onProgress: (fraction: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', 'text/csv; charset=utf-8');
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        body = { message: `The server answered ${request.status}.` };
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error('The server could not be reached. Check the connection and try again.'));
    request.send(text);
  });
}

export interface ImportPanelProps {
  title: string;
  description: string;
  endpoint: string;
  templateHref: string;
  /** Turns a dry run's answer into one summary line and the rows' statuses. */
  kind: 'products' | 'stock';
  /** Where to look at the result once imported. */
  doneHref: string;
  doneLabel: string;
}

export function ImportPanel({ title, description, endpoint, templateHref, kind, doneHref, doneLabel }: ImportPanelProps) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; size: number; text: string; key: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [rows, setRows] = useState<RowAnswer[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');

  const records = file ? splitCsvRecords(file.text, detectDelimiter(file.text)) : [];
  const header = records[0] ?? [];

  async function run(chosen: NonNullable<typeof file>, dryRun: boolean) {
    setPhase({ step: 'sending', dryRun, progress: 0 });
    try {
      const headers: Record<string, string> = dryRun ? {} : { 'idempotency-key': chosen.key };
      const answer = await send(`${endpoint}${dryRun ? '?dryRun=true' : ''}`, chosen.text, headers, (progress) => setPhase({ step: 'sending', dryRun, progress }));
      if (answer.status === 200 || answer.status === 201) {
        const { rows: answered, text } = describe(kind, answer.body, dryRun);
        setRows(answered);
        setErrors({});
        setSummary(text);
        setPhase({ step: dryRun ? 'checked' : 'done' });
      } else if (answer.status === 400 && answer.body.errors) {
        setRows([]);
        setErrors(answer.body.errors as Record<string, string>);
        setSummary(String(answer.body.message ?? 'Some rows need attention.'));
        setPhase({ step: 'checked' });
      } else {
        setPhase({ step: 'failed', message: String(answer.body.message ?? `The server answered ${answer.status}.`) });
      }
    } catch (error) {
      setPhase({ step: 'failed', message: (error as Error).message });
    }
  }

  async function choose(chosenFile: File | undefined) {
    if (!chosenFile) return;
    const chosen = { name: chosenFile.name, size: chosenFile.size, text: await chosenFile.text(), key: crypto.randomUUID() };
    setFile(chosen);
    setRows([]);
    setErrors({});
    await run(chosen, true);
  }

  const errorLines = new Set(Object.keys(errors).map((key) => Number(key.split('.')[0])));
  const fileErrors = Object.entries(errors).filter(([key]) => !Number.isFinite(Number(key.split('.')[0])) || key.startsWith('1.') || key.endsWith('._'));
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const hasErrors = Object.keys(errors).length > 0;
  const lines = hasErrors ? [...errorLines].filter((line) => line > 1).sort((a, b) => a - b) : rows.map((row) => row.line);
  const shown = lines.slice(0, SHOWN_ROWS);
  const sending = phase.step === 'sending';
  const importable = phase.step === 'checked' && !hasErrors && rows.length > 0;

  return (
    <Card title={title} description={description}>
      <div className="space-y-4 px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            onChange={(event) => {
              void choose(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={inputId} className={`inline-flex h-10 cursor-pointer items-center rounded-lg bg-white px-4 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${sending ? 'pointer-events-none opacity-60' : ''}`}>
            {file ? 'Choose another file' : 'Choose a CSV file'}
          </label>
          <a className="text-sm font-medium text-brand-700 hover:underline" href={templateHref} download>
            Download template
          </a>
          {file && (
            <span className="w-full min-w-0 truncate text-sm text-slate-600">
              {file.name} · {formatSize(file.size)} · {Math.max(0, records.length - 1).toLocaleString()} rows
            </span>
          )}
        </div>

        {phase.step === 'sending' && (
          <div role="status" className="space-y-1.5">
            <div className="flex items-center gap-2 text-sm text-slate-700">
              <Spinner />
              {phase.progress < 1 ? `Uploading… ${Math.round(phase.progress * 100)}%` : phase.dryRun ? 'Checking every row…' : 'Importing…'}
            </div>
            <div className="h-1.5 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.max(4, Math.round(phase.progress * 100))}%` }} />
            </div>
          </div>
        )}
        {phase.step === 'failed' && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {phase.message}
          </p>
        )}

        {(phase.step === 'checked' || phase.step === 'done') && (
          <div
            role={hasErrors ? 'alert' : 'status'}
            className={`rounded-lg border px-3 py-2 text-sm ${hasErrors ? 'border-red-200 bg-red-50 text-red-800' : phase.step === 'done' ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-slate-200 bg-slate-50 text-slate-700'}`}
          >
            <p className="font-medium">{summary}</p>
            {hasErrors && <p className="mt-0.5">Fix the cells marked below in your spreadsheet, save it as CSV and choose it again.</p>}
            {!hasErrors && phase.step === 'checked' && <p className="mt-0.5">This was a check: nothing is written until you confirm below.</p>}
            {phase.step === 'done' && (
              <a href={doneHref} className="mt-1 inline-block font-medium underline">
                {doneLabel}
              </a>
            )}
            {fileErrors.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {fileErrors.map(([key, message]) => (
                  <li key={key}>
                    {key.startsWith('1.') ? 'Header' : `Line ${key.split('.')[0]}`}: {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {shown.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2">Line</th>
                  <th scope="col" className="px-3 py-2">Row</th>
                  {header.map((name, index) => (
                    <th key={index} scope="col" className="whitespace-nowrap px-3 py-2">
                      {name}
                    </th>
                  ))}
                  {kind === 'stock' && !hasErrors && <th scope="col" className="whitespace-nowrap px-3 py-2">On hand now</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((line) => {
                  const answer = byLine.get(line);
                  const status = errorLines.has(line) ? STATUS.error : answer ? STATUS[answer.status] : STATUS.unchanged;
                  const cells = records[line - 1] ?? [];
                  return (
                    <tr key={line} data-line={line} className="align-top">
                      <td className="px-3 py-2 tabular-nums text-slate-500">{line}</td>
                      <td className="px-3 py-2">
                        <Badge tone={status.tone}>{status.label}</Badge>
                      </td>
                      {header.map((name, index) => {
                        const column = columnOf(name);
                        const error = errors[`${line}.${column}`];
                        const changed = answer?.status === 'updated' && answer.changes.includes(column);
                        return (
                          <td key={index} className={`max-w-56 px-3 py-2 ${error ? 'min-w-44 bg-red-50' : changed ? 'bg-brand-50' : ''}`}>
                            <span className={`block truncate ${error ? 'text-red-900' : 'text-slate-800'}`}>{cells[index] || <span className="text-slate-300">—</span>}</span>
                            {error && <span className="mt-0.5 block text-xs text-red-700">{error}</span>}
                          </td>
                        );
                      })}
                      {kind === 'stock' && !hasErrors && <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{answer?.note}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {lines.length > shown.length && (
              <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
                The first {SHOWN_ROWS} of {lines.length.toLocaleString()} rows are shown.
              </p>
            )}
          </div>
        )}

        {(importable || (sending && !phase.dryRun)) && file && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void run(file, false)} pending={sending}>
              {kind === 'products' ? `Import ${rows.length.toLocaleString()} products` : `Post ${rows.length.toLocaleString()} counts`}
            </Button>
            <Button variant="ghost" disabled={sending} onClick={() => input.current?.click()}>
              Cancel and choose another file
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}

/** The column a header cell names, as the answers spell it: "Reorder level" is reorderLevel. */
function columnOf(name: string): string {
  const key = name.trim().toLowerCase().replace(/[\s_-]+/g, '');
  return COLUMNS.find((column) => column.toLowerCase() === key) ?? name.trim();
}

const COLUMNS = ['sku', 'name', 'category', 'price', 'cost', 'unit', 'reorderLevel', 'safetyStock', 'reorderQuantity', 'barcode', 'description', 'location', 'quantity', 'unitCost'];

function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describe(kind: ImportPanelProps['kind'], body: Record<string, unknown>, dryRun: boolean): { rows: RowAnswer[]; text: string } {
  if (kind === 'products') {
    const { created, updated, unchanged } = body as { created: number; updated: number; unchanged: number };
    const counts = `${created.toLocaleString()} new, ${updated.toLocaleString()} changed, ${unchanged.toLocaleString()} unchanged`;
    return { rows: body.rows as RowAnswer[], text: dryRun ? `Ready to import: ${counts}.` : `Imported: ${counts}.` };
  }
  const counted = body.rows as Array<{ line: number; onHandBefore: number; change: number }>;
  const moving = counted.filter((row) => row.change !== 0).length;
  return {
    rows: counted.map((row) => ({
      line: row.line,
      status: row.change === 0 ? 'unchanged' : 'updated',
      changes: row.change === 0 ? [] : ['quantity'],
      note: row.change === 0 ? `${row.onHandBefore.toLocaleString()}, no change` : `${row.onHandBefore.toLocaleString()} (${row.change > 0 ? '+' : ''}${row.change.toLocaleString()})`,
    })),
    text: dryRun
      ? `Ready to post ${counted.length.toLocaleString()} counts: ${moving.toLocaleString()} ${moving === 1 ? 'changes' : 'change'} the stock on hand.`
      : `Posted ${counted.length.toLocaleString()} counts to the ledger (reason "Import").`,
  };
}
