'use client';

import Link from 'next/link';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { importTrialsAction, previewImportAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { ErrorBody } from '@/lib/errors/app-error';
import type { ImportPreview, ImportResult } from '@/lib/trials/types';
import { ChangesTable, ImportPreviewCard } from './import-preview';
import { RegistryFetch } from './registry-fetch';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

const MAX_BYTES = 5 * 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The server's per-field problems, one per line, with the JSON path they are about. */
function ImportErrors({ error }: { error: ErrorBody['error'] }) {
  const entries = Object.entries(error.fields ?? {});
  return (
    <Alert tone="error" title={error.message}>
      {entries.length > 0 ? (
        <ul className="list-disc pl-5">
          {entries.flatMap(([path, messages]) =>
            messages.map((message) => (
              <li key={`${path}:${message}`}>
                {path !== '_' && path !== 'text' ? (
                  <code className="mr-1 rounded bg-red-100 px-1 text-xs break-all">{path}</code>
                ) : null}
                {message}
              </li>
            )),
          )}
        </ul>
      ) : null}
      <p className="mt-1">Nothing was saved.</p>
    </Alert>
  );
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/**
 * Paste or upload ClinicalTrials.gov API v2 JSON, preview what it would save,
 * then import exactly the previewed text. Editing the text discards the preview.
 */
export function ImportForm() {
  const withSubmissionKey = useSubmissionKey();
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<{ tone: 'info' | 'error'; message: string } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<ErrorBody['error'] | null>(null);
  const [preview, setPreview] = useState<{ text: string; data: ImportPreview } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [isOlderConfirmed, setIsOlderConfirmed] = useState(false);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const fileHintId = useId();

  function changeText(next: string) {
    setText(next);
    setIsOlderConfirmed(false);
    setPreview(null);
    setResult(null);
    setError(null);
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileNote(null);
    if (file.size > MAX_BYTES) {
      setFileNote({
        tone: 'error',
        message: `${file.name} is ${formatSize(file.size)}. The limit is 5 MB: download only the studies you need, e.g. one study at a time.`,
      });
      event.target.value = '';
      return;
    }
    try {
      changeText(await readFile(file));
      setFileNote({
        tone: 'info',
        message: `Loaded ${file.name} (${formatSize(file.size)}). Preview it before importing.`,
      });
    } catch {
      setFileNote({
        tone: 'error',
        message: `${file.name} could not be read. Try again, or paste its contents instead.`,
      });
    }
  }

  async function runPreview() {
    setError(null);
    setResult(null);
    setPreview(null);
    setIsOlderConfirmed(false);
    if (new Blob([text]).size > MAX_BYTES) {
      setError({ code: 'PAYLOAD_TOO_LARGE', message: 'The text is larger than 5 MB.' });
      return;
    }
    setBusy('preview');
    try {
      const response = await previewImportAction({ text });
      if (response.ok) {
        setPreview({ text, data: response.data });
        requestAnimationFrame(() => previewHeadingRef.current?.focus());
      } else {
        setError(response.error);
      }
    } catch {
      setError({
        code: 'INTERNAL',
        message: `The document (${formatSize(new Blob([text]).size)}) could not be sent for preview. Try again; if it keeps failing, import fewer studies at a time.`,
      });
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!preview) return;
    setError(null);
    setBusy('import');
    try {
      const response = await withSubmissionKey((options) =>
        importTrialsAction({ text: preview.text, allowOlder: isOlderConfirmed }, options),
      );
      if (response.ok) {
        setResult(response.data);
        setPreview(null);
        requestAnimationFrame(() => resultHeadingRef.current?.focus());
      } else {
        setError(response.error);
      }
    } catch {
      setError({
        code: 'INTERNAL',
        message: 'The import could not be sent. Check your connection and try again; nothing was saved.',
      });
    } finally {
      setBusy(null);
    }
  }

  const studies = preview?.data.items ?? [];
  const olderStudies = studies.filter((item) => item.registryVersion.isOlder);
  // An older registry version over a newer one imports only after the admin ticks the go-ahead.
  const isImportBlocked = olderStudies.length > 0 && !isOlderConfirmed;
  return (
    <div className="flex flex-col gap-6">
      <RegistryFetch
        onFetched={(fetched, nctId) => {
          changeText(fetched);
          setFileNote({
            tone: 'info',
            message: `Fetched ${nctId} from ClinicalTrials.gov. Preview it before importing.`,
          });
        }}
      />
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void runPreview();
        }}
      >
        <Field
          label="Study JSON"
          hint='One study as returned by https://clinicaltrials.gov/api/v2/studies/NCT…, or a search result ({"studies": [ … ]}). Up to 5 MB.'
        >
          <Textarea
            rows={12}
            value={text}
            onChange={(event) => changeText(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            className="font-mono text-xs sm:text-xs"
          />
        </Field>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${fileHintId}-file`} className="text-sm font-medium text-slate-900">
            Or upload a .json file
          </label>
          <p id={fileHintId} className="text-sm text-slate-600">
            The file is read in your browser and shown above; nothing is sent until you preview.
          </p>
          <input
            id={`${fileHintId}-file`}
            type="file"
            accept=".json,application/json"
            aria-describedby={fileHintId}
            onChange={chooseFile}
            className="block w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-50"
          />
          {fileNote ? (
            <Alert tone={fileNote.tone === 'error' ? 'error' : 'info'} className="mt-1">
              {fileNote.message}
            </Alert>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"
            variant={preview ? 'secondary' : 'primary'}
            loading={busy === 'preview'}
            disabled={busy !== null || text.trim() === ''}
          >
            Preview
          </Button>
        </div>
      </form>

      {error ? <ImportErrors error={error} /> : null}

      {preview ? (
        <section aria-labelledby="import-preview-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2
                id="import-preview-heading"
                ref={previewHeadingRef}
                tabIndex={-1}
                className="text-xl font-semibold text-slate-900"
              >
                Preview: {studies.length === 1 ? '1 study' : `${studies.length} studies`}
              </h2>
              <p className="text-sm text-slate-700">
                Nothing is saved yet. Suggested rules and dosing stay suggestions until an admin confirms them on the
                trial page.
              </p>
            </div>
            <Button
              variant="primary"
              onClick={runImport}
              loading={busy === 'import'}
              disabled={busy !== null || isImportBlocked}
            >
              Import
            </Button>
          </div>
          {olderStudies.length > 0 ? (
            <Alert
              tone="warning"
              title={
                olderStudies.length === 1
                  ? 'An older registry version'
                  : `${olderStudies.length} older registry versions`
              }
            >
              <ul className="list-disc pl-5">
                {olderStudies.map((item) => (
                  <li key={item.draft.nctId}>
                    {item.draft.nctId}: this file was last updated on ClinicalTrials.gov on{' '}
                    {item.registryVersion.incoming}; TrialDesk already has the version of {item.registryVersion.stored}.
                    Importing it undoes the registry&apos;s later changes.
                  </li>
                ))}
              </ul>
              <Checkbox
                className="mt-2"
                label="Import the older version anyway"
                checked={isOlderConfirmed}
                onChange={(event) => setIsOlderConfirmed(event.target.checked)}
              />
            </Alert>
          ) : null}
          {studies.map((item, index) => (
            <ImportPreviewCard key={`${item.draft.nctId}-${index}`} item={item} index={index} />
          ))}
          <div>
            <Button
              variant="primary"
              onClick={runImport}
              loading={busy === 'import'}
              disabled={busy !== null || isImportBlocked}
            >
              Import {studies.length === 1 ? 'this study' : `these ${studies.length} studies`}
            </Button>
          </div>
        </section>
      ) : null}

      {result ? (
        <section aria-labelledby="import-result-heading" className="flex flex-col gap-4">
          <h2
            id="import-result-heading"
            ref={resultHeadingRef}
            tabIndex={-1}
            className="text-xl font-semibold text-slate-900"
          >
            Imported {result.results.length === 1 ? '1 study' : `${result.results.length} studies`}
          </h2>
          <ul className="flex flex-col gap-3">
            {result.results.map((item) => (
              <li key={item.trialId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <p className="text-sm text-slate-800">
                  <span className="font-mono font-medium text-slate-900">{item.nctId}</span>:{' '}
                  {item.created
                    ? 'created'
                    : item.changes.length === 0
                      ? 'already up to date'
                      : `updated (${item.changes.length === 1 ? '1 change' : `${item.changes.length} changes`})`}
                  {item.amendedToVersion !== null ? `, saved as protocol version ${item.amendedToVersion}` : ''}.
                </p>
                <Link
                  href={`/trials/${item.trialId}`}
                  className="mt-1 inline-block text-sm font-medium text-brand-700 underline underline-offset-2"
                >
                  Open trial {item.nctId}
                </Link>
                {!item.created && item.changes.length > 0 ? (
                  <div className="mt-3">
                    <ChangesTable
                      changes={item.changes}
                      caption={`Changes made to ${item.nctId}`}
                      beforeLabel="Before"
                      afterLabel="After"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
