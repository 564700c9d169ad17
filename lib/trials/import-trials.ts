import 'server-only';
import { format } from 'date-fns';
import { parseStudies } from '@/lib/ctgov/parse-studies';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TrialDraft } from '@/lib/validations/trials';
import { applyTrialDraft, checkDraftConsistency, loadTrialState, planChange, type NextTrial, type TrialState } from './apply-trial-draft';
import { duplicateNctId, insertTrial, isUniqueViolation } from './create-trial';
import type { ImportPreview, ImportResult, ImportResultItem, TrialWriteContext } from './types';

type ParsedDocument = { drafts: Array<{ draft: TrialDraft; warnings: string[]; document: unknown }> };

/** Parses and checks the whole document; any problem is a 400 before anything is read or written. */
function parseDocument(json: unknown): ParsedDocument {
  const parsed = parseStudies(json);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', 'This is not a ClinicalTrials.gov API v2 study document that can be imported.', { fields: parsed.errors });
  }
  const root = json as Record<string, unknown>;
  const isList = 'studies' in root && !('protocolSection' in root);
  const documents = isList ? (root.studies as unknown[]) : [json];
  parsed.drafts.forEach((item, index) => checkDraftConsistency(item.draft, isList ? `studies.${index}.draft.` : 'draft.'));
  return { drafts: parsed.drafts.map((item, index) => ({ ...item, document: documents[index] })) };
}

/**
 * A re-import over the trial already here: registry fields are the registry's;
 * the local coverage note and assessment plan stay, as does the local protocol
 * number when the registry has none. An arm keeps its confirmed dosing and a
 * criterion its confirmed rule when the arm label or the criterion's kind and
 * wording are unchanged; everything else takes the new suggestions, unconfirmed.
 */
function mergeImported(state: TrialState, imported: TrialDraft): NextTrial {
  const current = state.draft;
  const armIds = imported.arms.map((arm) => {
    const index = current.arms.findIndex((old) => old.label === arm.label);
    return index === -1 ? null : state.armIds[index];
  });
  const arms = imported.arms.map((arm, index) => {
    const id = armIds[index];
    const old = id === null ? null : current.arms[state.armIds.indexOf(id)];
    return { ...arm, dosing: old?.dosing ?? null };
  });
  const used = new Set<number>();
  const criteria = imported.criteria.map((criterion) => {
    const index = current.criteria.findIndex((old, i) => !used.has(i) && old.kind === criterion.kind && old.text === criterion.text);
    if (index === -1) return { ...criterion, rule: null };
    used.add(index);
    return { ...criterion, rule: current.criteria[index].rule };
  });
  return {
    draft: {
      ...imported,
      protocolNumber: imported.protocolNumber ?? current.protocolNumber,
      coverageNote: current.coverageNote,
      assessmentPlan: current.assessmentPlan,
      arms,
      criteria,
    },
    armIds,
  };
}

/** What importing `json` would do, without writing anything. 400 when the document cannot be imported. */
export async function previewImport(json: unknown): Promise<ImportPreview> {
  const { drafts } = parseDocument(json);
  const items = [];
  for (const { draft, warnings } of drafts) {
    const existing = await prisma.trial.findUnique({ where: { nctId: draft.nctId! }, select: { id: true } });
    if (!existing) {
      items.push({ draft, warnings, existingTrialId: null, changes: [], amendsProtocol: false });
      continue;
    }
    const state = await loadTrialState(prisma, existing.id, { lock: false });
    const next = mergeImported(state, draft);
    const { changes, isProtocolChange } = planChange(state, next);
    items.push({ draft: next.draft, warnings, existingTrialId: existing.id, changes, amendsProtocol: isProtocolChange && state.hasScreenings });
  }
  return { items };
}

async function importOne(options: { tx: Tx; draft: TrialDraft; document: unknown; ctx: TrialWriteContext; reason: string }): Promise<ImportResultItem> {
  const { tx, draft, document, ctx, reason } = options;
  const nctId = draft.nctId!;
  const existing = await tx.trial.findUnique({ where: { nctId }, select: { id: true } });
  let trialId: string;
  let result: Pick<ImportResultItem, 'created' | 'changes' | 'amendedToVersion'>;
  if (existing) {
    trialId = existing.id;
    const state = await loadTrialState(tx, trialId);
    const applied = await applyTrialDraft({ tx, state, next: mergeImported(state, draft), ctx, amendmentReason: reason });
    result = { created: false, changes: applied.changes, amendedToVersion: applied.amendedToVersion };
  } else {
    trialId = (await insertTrial(tx, draft, 'CTGOV_IMPORT', ctx.user.id)).trial.id;
    result = { created: true, changes: [], amendedToVersion: null };
  }
  const record = await tx.trialImport.create({
    data: {
      trialId,
      nctId,
      document: document as Prisma.InputJsonValue,
      changes: JSON.parse(JSON.stringify(result.changes)) as Prisma.InputJsonValue,
      importedById: ctx.user.id,
    },
    select: { id: true },
  });
  await ctx.audit(tx, {
    action: 'trial.import',
    entityType: 'Trial',
    entityId: trialId,
    after: { nctId, created: result.created, importId: record.id, changes: result.changes.map((change) => change.label), protocolVersion: result.amendedToVersion },
    reason: result.amendedToVersion !== null ? reason : null,
  });
  return { trialId, nctId, ...result };
}

/**
 * Imports a ClinicalTrials.gov API v2 document (one study or `{ studies: [...] }`)
 * in ONE transaction: new NCT ids become trials (source CTGOV_IMPORT), known ones
 * are updated in place (see mergeImported). Protocol changes after screenings
 * create a new protocol version with the reason "Re-imported from
 * ClinicalTrials.gov on <date>". Each study gets a TrialImport row (document and
 * changes) and a `trial.import` audit event. Any failure writes nothing.
 */
export async function importTrials({ json, ctx, now = new Date() }: { json: unknown; ctx: TrialWriteContext; now?: Date }): Promise<ImportResult> {
  const { drafts } = parseDocument(json);
  const reason = `Re-imported from ClinicalTrials.gov on ${format(now, 'yyyy-MM-dd')}`;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const results: ImportResultItem[] = [];
        for (const { draft, document } of drafts) results.push(await importOne({ tx, draft, document, ctx, reason }));
        return { results };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Another import created one of these NCT ids at the same moment.
    if (isUniqueViolation(error)) throw duplicateNctId(drafts.map((item) => item.draft.nctId).join(', '));
    throw error;
  }
}
