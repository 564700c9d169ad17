import type { PipelineStageValue, ReferralSourceValue, SexValue } from '@/lib/validations/candidates';
import type { CandidateListRow } from './candidate-list-sql';
import type { CandidateListItem, CandidateListPipeline } from './types';

function parsePipelines(value: unknown): CandidateListPipeline[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? (list as CandidateListPipeline[]) : [];
}

/** A row of the list query as the list DTO. */
export function toListItem(row: CandidateListRow): CandidateListItem {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    mrn: row.mrn,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex.toLowerCase() as SexValue,
    referralSource: row.referralSource as ReferralSourceValue,
    referralDate: row.referralDate,
    coordinator: row.coordinatorId ? { id: row.coordinatorId, name: row.coordinatorName ?? '' } : null,
    pipelines: parsePipelines(row.pipelines).map((p) => ({
      trialId: p.trialId,
      trialLabel: p.trialLabel,
      stage: p.stage as PipelineStageValue,
    })),
  };
}
