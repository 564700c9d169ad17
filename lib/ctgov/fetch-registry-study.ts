import 'server-only';
import { AppError } from '@/lib/errors/app-error';

// Fetching one study from the ClinicalTrials.gov API v2 by its NCT id, for the same preview and
// import as pasted JSON. The base URL is configurable (CTGOV_API_URL) so a clinic behind a proxy,
// and the tests' local stand-in, can serve it. Every failure is an AppError the API answers with:
// 404 when the registry does not know the id, 502/503/504 when it cannot be used right now.

export const DEFAULT_CTGOV_API_URL = 'https://clinicaltrials.gov/api/v2';
/** Long enough for the registry on a slow day, short enough that an admin is not left waiting. */
const DEFAULT_TIMEOUT_MS = 15_000;
/** The import body limit: a study bigger than this could not be imported anyway. */
const MAX_STUDY_BYTES = 5 * 1024 * 1024;

type FetchStudyOptions = { nctId: string; baseUrl?: string; timeoutMs?: number };

function registryBase(baseUrl?: string): string {
  return (baseUrl ?? process.env.CTGOV_API_URL ?? DEFAULT_CTGOV_API_URL).replace(/\/+$/, '');
}

function timeoutOf(timeoutMs?: number): number {
  const fromEnv = Number(process.env.CTGOV_TIMEOUT_MS);
  return timeoutMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The study's JSON as the registry sends it ({ protocolSection, … }). */
export async function fetchRegistryStudy({ nctId, baseUrl, timeoutMs }: FetchStudyOptions): Promise<unknown> {
  const url = `${registryBase(baseUrl)}/studies/${encodeURIComponent(nctId)}?format=json`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutOf(timeoutMs)),
      cache: 'no-store',
    });
  } catch (error) {
    if (isTimeout(error)) {
      throw new AppError('GATEWAY_TIMEOUT', `ClinicalTrials.gov did not answer in time for ${nctId}. Try again later.`);
    }
    throw new AppError('BAD_GATEWAY', 'ClinicalTrials.gov could not be reached. Check the connection and try again.');
  }
  if (response.status === 404) {
    throw new AppError('NOT_FOUND', `ClinicalTrials.gov has no study ${nctId}. Check the NCT number.`);
  }
  if (response.status === 429 || response.status === 503) {
    throw new AppError('SERVICE_UNAVAILABLE', 'ClinicalTrials.gov is busy or down for maintenance. Try again later.');
  }
  if (!response.ok) {
    throw new AppError('BAD_GATEWAY', `ClinicalTrials.gov answered with an error (HTTP ${response.status}).`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_STUDY_BYTES) throw new AppError('BAD_GATEWAY', 'The registry record is larger than 5 MB.');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) throw new AppError('GATEWAY_TIMEOUT', 'ClinicalTrials.gov stopped answering mid-way.');
    throw new AppError('BAD_GATEWAY', 'The answer from ClinicalTrials.gov was cut off.');
  }
  if (text.length > MAX_STUDY_BYTES) throw new AppError('BAD_GATEWAY', 'The registry record is larger than 5 MB.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_GATEWAY', 'ClinicalTrials.gov answered with something that is not JSON.');
  }
}
