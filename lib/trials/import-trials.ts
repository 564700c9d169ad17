import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { format } from 'date-fns';
import { parseStudies } from '@/lib/ctgov/parse-studies';
import { isOlderRegistryVersion, olderVersionWarning, readLastUpdatePosted } from '@/lib/ctgov/registry-version';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TrialDraft } from '@/lib/validations/trials';
import {
  applyTrialDraft,
  checkDraftConsistency,
  loadTrialState,
  planChange,
  type NextTrial,
  type TrialState,
} from './apply-trial-draft';
import { duplicateNctId, insertTrial, isUniqueViolation } from './create-trial';
import type { ImportPreview, ImportPreviewItem, ImportRegistryVersion, ImportResult, ImportResultItem } from './types';

type ParsedDocument = { drafts: Array<{ draft: TrialDraft; warnings: string[]; document: unknown }> };

/** Parses and checks the whole document; any problem is a 400 before anything is read or written. */
function parseDocument(json: unknown): ParsedDocument {
  const parsed = parseStudies(json);
  if (!parsed.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      'This is not a ClinicalTrials.gov API v2 study document that can be imported.',
      { fields: parsed.errors },
    );
  }
  const root = json as Record<string, unknown>;
  const isList = 'studies' in root && !('protocolSection' in root);
  const documents = isList ? (root.studies as unknown[]) : [json];
  parsed.drafts.forEach((item, index) =>
    checkDraftConsistency(item.draft, isList ? `studies.${index}.draft.` : 'draft.'),
  );
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
    const index = current.criteria.findIndex(
      (old, i) => !used.has(i) && old.kind === criterion.kind && old.text === criterion.text,
    );
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

/** The newest last-update-posted date among the registry records already imported for a trial. */
async function newestImportedVersion(db: Tx | typeof prisma, trialId: string): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ newest: string | null }>>`
    SELECT max(document #>> '{protocolSection,statusModule,lastUpdatePostDateStruct,date}') AS newest
    FROM "TrialImport" WHERE "trialId" = ${trialId}`;
  return rows[0]?.newest ?? null;
}

/** The registry versions of an import over a trial already here; `isOlder` when it would replace a newer record. */
async function compareVersions(
  db: Tx | typeof prisma,
  trialId: string,
  document: unknown,
): Promise<ImportRegistryVersion> {
  const incoming = readLastUpdatePosted(document);
  const stored = await newestImportedVersion(db, trialId);
  return { incoming, stored, isOlder: isOlderRegistryVersion(incoming, stored) };
}

/** What importing `json` would do, without writing anything. 400 when the document cannot be imported. */
export async function previewImport(json: unknown): Promise<ImportPreview> {
  const { drafts } = parseDocument(json);
  const items: ImportPreviewItem[] = [];
  for (const { draft, warnings, document } of drafts) {
    const existing = await prisma.trial.findUnique({ where: { nctId: draft.nctId! }, select: { id: true } });
    if (!existing) {
      const version = { incoming: readLastUpdatePosted(document), stored: null, isOlder: false };
      items.push({
        draft,
        warnings,
        existingTrialId: null,
        changes: [],
        amendsProtocol: false,
        registryVersion: version,
      });
      continue;
    }
    const state = await loadTrialState({ tx: prisma, trialId: existing.id, lock: false });
    const next = mergeImported(state, draft);
    const { changes, isProtocolChange } = planChange(state, next);
    const version = await compareVersions(prisma, existing.id, document);
    const allWarnings = version.isOlder
      ? [olderVersionWarning(draft.nctId!, version.incoming!, version.stored!), ...warnings]
      : warnings;
    items.push({
      draft: next.draft,
      warnings: allWarnings,
      existingTrialId: existing.id,
      changes,
      amendsProtocol: isProtocolChange && state.hasScreenings,
      registryVersion: version,
    });
  }
  return { items };
}

type ImportOneOptions = {
  tx: Tx;
  draft: TrialDraft;
  document: unknown;
  ctx: ActorContext;
  reason: string;
  allowOlder: boolean;
};

async function importOne(options: ImportOneOptions): Promise<ImportResultItem> {
  const { tx, draft, document, ctx, reason, allowOlder } = options;
  const nctId = draft.nctId!;
  const existing = await tx.trial.findUnique({ where: { nctId }, select: { id: true } });
  let trialId: string;
  let result: Pick<ImportResultItem, 'created' | 'changes' | 'amendedToVersion'>;
  let version: ImportRegistryVersion | null = null;
  if (existing) {
    version = await compareVersions(tx, existing.id, document);
    if (version.isOlder && !allowOlder) {
      throw new AppError('CONFLICT', olderVersionWarning(nctId, version.incoming!, version.stored!), {
        details: {
          nctId,
          incomingLastUpdatePosted: version.incoming,
          storedLastUpdatePosted: version.stored,
          confirmWith: 'allowOlder=1',
        },
      });
    }
    trialId = existing.id;
    const state = await loadTrialState({ tx, trialId });
    const applied = await applyTrialDraft({
      tx,
      state,
      next: mergeImported(state, draft),
      ctx,
      amendmentReason: reason,
    });
    result = { created: false, changes: applied.changes, amendedToVersion: applied.amendedToVersion };
  } else {
    trialId = (await insertTrial({ tx, draft, source: 'CTGOV_IMPORT', actorId: ctx.user.id })).trial.id;
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
    after: {
      nctId,
      created: result.created,
      importId: record.id,
      changes: result.changes.map((change) => change.label),
      protocolVersion: result.amendedToVersion,
      lastUpdatePosted: readLastUpdatePosted(document),
      // An admin chose to import an older registry version over a newer one; the trail says so.
      ...(version?.isOlder ? { replacedNewerVersion: version.stored } : {}),
    },
    reason:
      result.amendedToVersion !== null
        ? reason
        : version?.isOlder
          ? `Older registry version (${version.incoming}) imported over ${version.stored} by the admin's choice`
          : null,
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
 * A registry version older (lastUpdatePostDate) than the newest one already imported is refused with 409
 * unless `allowOlder` says the admin saw the preview's warning and wants it anyway.
 */
export async function importTrials(options: {
  json: unknown;
  ctx: ActorContext;
  now?: Date;
  allowOlder?: boolean;
}): Promise<ImportResult> {
  const { json, ctx, now = new Date(), allowOlder = false } = options;
  const { drafts } = parseDocument(json);
  const reason = `Re-imported from ClinicalTrials.gov on ${format(now, 'yyyy-MM-dd')}`;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const results: ImportResultItem[] = [];
        for (const { draft, document } of drafts)
          results.push(await importOne({ tx, draft, document, ctx, reason, allowOlder }));
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
