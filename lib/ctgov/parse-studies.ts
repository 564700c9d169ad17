import { nctIdSchema, trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { asRecord, pick } from './json-reading';
import { mapStudy } from './map-study';

export type ParsedStudy = { draft: TrialDraft; warnings: string[] };
export type ParseStudiesResult = { ok: true; drafts: ParsedStudy[] } | { ok: false; errors: Record<string, string[]> };

const NOT_A_DOCUMENT =
  'Expected a ClinicalTrials.gov API v2 study ({ "protocolSection": … }) or a list of them ({ "studies": [ … ] }).';

function addError(errors: Record<string, string[]>, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

function parseOne(study: unknown, prefix: string, errors: Record<string, string[]>): ParsedStudy | null {
  const record = asRecord(study);
  if (record === null) {
    addError(errors, prefix === '' ? '_' : prefix.slice(0, -1), 'A study must be a JSON object.');
    return null;
  }
  const protocol = asRecord(record.protocolSection);
  if (protocol === null) {
    addError(errors, `${prefix}protocolSection`, 'Not a ClinicalTrials.gov API v2 study: protocolSection is missing.');
    return null;
  }
  const nctPath = `${prefix}protocolSection.identificationModule.nctId`;
  const rawNct = pick(protocol, 'identificationModule.nctId');
  if (typeof rawNct !== 'string' || rawNct.trim() === '') {
    addError(errors, nctPath, 'The study has no NCT id.');
    return null;
  }
  const nct = nctIdSchema.safeParse(rawNct);
  if (!nct.success) {
    addError(errors, nctPath, `"${rawNct}" is not an NCT id (NCT followed by 8 digits).`);
    return null;
  }
  const { draft, warnings } = mapStudy(protocol, nct.data);
  const parsed = trialDraftSchema.safeParse(draft);
  if (!parsed.success) {
    // The mapper keeps every field within the schema; reaching this is an importer bug, reported rather than thrown.
    for (const issue of parsed.error.issues) addError(errors, `${prefix}draft.${issue.path.join('.')}`, issue.message);
    return null;
  }
  return { draft: parsed.data, warnings };
}

/**
 * Turns ClinicalTrials.gov API v2 JSON (one study, or `{ studies: [...] }` as the search endpoint returns)
 * into validated trial drafts with import warnings. Rules and dosing are only ever suggestions.
 */
export function parseStudies(json: unknown): ParseStudiesResult {
  const errors: Record<string, string[]> = {};
  const root = asRecord(json);
  if (root === null) return { ok: false, errors: { _: [NOT_A_DOCUMENT] } };

  let drafts: Array<ParsedStudy | null>;
  if ('studies' in root && !('protocolSection' in root)) {
    if (!Array.isArray(root.studies))
      return { ok: false, errors: { studies: ['"studies" must be a list of studies.'] } };
    if (root.studies.length === 0) return { ok: false, errors: { studies: ['The file contains no studies.'] } };
    drafts = root.studies.map((study, index) => parseOne(study, `studies.${index}.`, errors));
  } else {
    drafts = [parseOne(root, '', errors)];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const ok = drafts.filter((item): item is ParsedStudy => item !== null);
  const seen = new Set<string>();
  for (const item of ok) {
    const nctId = item.draft.nctId ?? '';
    if (seen.has(nctId)) item.warnings.push(`${nctId} appears more than once in the file.`);
    seen.add(nctId);
  }
  return { ok: true, drafts: ok };
}

/** parseStudies for raw file text. */
export function parseStudiesText(text: string): ParseStudiesResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: { _: ['The file is not valid JSON'] } };
  }
  return parseStudies(json);
}
