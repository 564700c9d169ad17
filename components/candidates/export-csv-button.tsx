'use client';

import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';

export type ExportCsvButtonProps = { href: string };

type Progress = { rows: number; total: number | null; bytes: number };

const LINE_FEED = 10;

function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (const byte of chunk) if (byte === LINE_FEED) lines += 1;
  return lines;
}

function formatBytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Downloads the candidate CSV with a live count: the server sends the row total
 * up front (`x-row-count`) and streams the rows, so the button shows how far the
 * download is. Without JavaScript the link still downloads the file.
 */
export function ExportCsvButton({ href }: ExportCsvButtonProps) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onClick(event: React.MouseEvent<HTMLAnchorElement>) {
    if (!('ReadableStream' in window) || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (progress) return;
    setError(null);
    try {
      const response = await fetch(href, { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The export failed (HTTP ${response.status}).`);
      }
      const totalHeader = response.headers.get('x-row-count');
      const total = totalHeader === null ? null : Number(totalHeader);
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      // The header line is not a row.
      let lines = -1;
      let bytes = 0;
      setProgress({ rows: 0, total, bytes: 0 });
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.length;
        lines += countLines(value);
        setProgress({ rows: Math.max(0, total === null ? lines : Math.min(lines, total)), total, bytes });
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'candidates.csv';
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      // The browser has taken the file once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The export failed.');
    } finally {
      setProgress(null);
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <a
        href={href}
        download
        onClick={onClick}
        aria-disabled={progress ? true : undefined}
        className={buttonClasses({ variant: 'secondary' })}
      >
        {progress ? 'Exporting…' : 'Export CSV'}
      </a>
      <span role="status" aria-live="polite" className="text-xs text-slate-700">
        {progress
          ? `${progress.rows.toLocaleString('en-US')}${progress.total === null ? '' : ` of ${progress.total.toLocaleString('en-US')}`} rows (${formatBytes(progress.bytes)})`
          : null}
      </span>
      {error ? (
        <span role="alert" className="max-w-xs text-right text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
