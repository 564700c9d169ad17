import { toIsoDate } from '@/lib/candidates/mappers';
import type { ConsentFormVersionDto } from './types';

const USER_REF = { select: { id: true, name: true } } as const;

export const CONSENT_FORM_VERSION_SELECT = {
  id: true,
  label: true,
  approvedOn: true,
  irbReference: true,
  addedBy: USER_REF,
  retiredAt: true,
  retiredBy: USER_REF,
  retireReason: true,
  _count: { select: { consents: { where: { voidedAt: null } } } },
} as const;

type Row = {
  id: string;
  label: string;
  approvedOn: Date | null;
  irbReference: string | null;
  addedBy: { id: string; name: string } | null;
  retiredAt: Date | null;
  retiredBy: { id: string; name: string } | null;
  retireReason: string | null;
  _count: { consents: number };
};

export function toConsentFormVersionDto(row: Row): ConsentFormVersionDto {
  return {
    id: row.id,
    label: row.label,
    approvedOn: row.approvedOn ? toIsoDate(row.approvedOn) : null,
    irbReference: row.irbReference,
    addedBy: row.addedBy,
    retired: row.retiredAt ? { at: row.retiredAt.toISOString(), by: row.retiredBy, reason: row.retireReason } : null,
    consentCount: row._count.consents,
  };
}
