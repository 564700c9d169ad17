import 'server-only';
import { loadBlindingViewer } from '@/lib/blinding/load-blinding-viewer';
import { canSeeAllocation, isMaskedTrial } from '@/lib/blinding/policy';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { RuleNode } from '@/lib/validations/eligibility';
import { diffProtocolVersions, type ProtocolContentDiff, type VersionContent } from './diff-protocol-versions';

export type VersionMeta = {
  number: number;
  reason: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
};

export type ProtocolVersionComparison = ProtocolContentDiff & {
  trial: { id: string; title: string; shortTitle: string | null; acronym: string | null; isMasked: boolean };
  from: VersionMeta;
  to: VersionMeta;
};

async function loadVersion(trialId: string, number: number): Promise<{ meta: VersionMeta; content: VersionContent }> {
  const version = await prisma.protocolVersion.findUnique({
    where: { trialId_number: { trialId, number } },
    select: {
      number: true,
      reason: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
      criteria: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { kind: true, position: true, text: true, rule: true },
      },
      // Only confirmed dosing is protocol; a parser's suggestion doses nobody.
      dosing: { select: { protocol: true, arm: { select: { label: true, position: true } } } },
      assessmentPlan: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { instrument: true, timepoint: true, windowBeforeDays: true, windowAfterDays: true },
      },
    },
  });
  if (!version) throw new AppError('NOT_FOUND', `This trial has no protocol version ${number}.`);
  return {
    meta: {
      number: version.number,
      reason: version.reason,
      createdAt: version.createdAt.toISOString(),
      createdBy: version.createdBy,
    },
    content: {
      criteria: version.criteria.map((row) => ({ ...row, rule: (row.rule ?? null) as RuleNode | null })),
      dosing: [...version.dosing]
        .sort((a, b) => a.arm.position - b.arm.position)
        .map((row) => ({
          armLabel: row.arm.label,
          protocol: (row.protocol ?? null) as Record<string, unknown> | null,
        })),
      assessmentPlan: version.assessmentPlan,
    },
  };
}

/**
 * What changed from protocol version `from` to `to` of a trial, with who made each version and
 * why. In a masked trial a viewer blinded to it sees only dosing changes made alike in every arm
 * (canSeeAllocation decides; decision 0001). 404 for an unknown trial or version.
 */
export async function compareProtocolVersions(options: {
  trialId: string;
  from: number;
  to: number;
  viewerId: string;
}): Promise<ProtocolVersionComparison> {
  const { trialId, from, to, viewerId } = options;
  const trial = await prisma.trial.findUnique({
    where: { id: trialId },
    select: { id: true, title: true, shortTitle: true, acronym: true, masking: true },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  const before = await loadVersion(trialId, from);
  const after = await loadVersion(trialId, to);
  const viewer = await loadBlindingViewer({ userId: viewerId, db: prisma });
  const canSeeArmDosing = canSeeAllocation({ viewer, trial });
  const { masking, ...trialRef } = trial;
  return {
    trial: { ...trialRef, isMasked: isMaskedTrial(masking) },
    from: before.meta,
    to: after.meta,
    ...diffProtocolVersions({ before: before.content, after: after.content, canSeeArmDosing }),
  };
}
