import 'server-only';
import { toConsentFormVersionDto, CONSENT_FORM_VERSION_SELECT } from '@/lib/consent/to-consent-form-version-dto';
import { prisma, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { formatSubjectId, parseSubjectIdPattern } from './subject-id-pattern';
import type { SubjectIdSettingsDto, TrialEnrolmentRecordsDto } from './types';

type SettingsRow = {
  subjectIdPattern: string;
  subjectIdPatternConfirmedAt: Date | null;
  subjectIdPatternConfirmedBy: { id: string; name: string } | null;
  subjectIdCounter: { lastNumber: number } | null;
};

export function toSubjectIdSettings(row: SettingsRow): SubjectIdSettingsDto {
  const assignedCount = row.subjectIdCounter?.lastNumber ?? 0;
  const parsed = parseSubjectIdPattern(row.subjectIdPattern);
  return {
    pattern: row.subjectIdPattern,
    // A stored pattern is always valid (schema-checked, or the migration's); null guards a hand edit.
    nextSubjectId: parsed.ok ? formatSubjectId(parsed.pattern, assignedCount + 1) : null,
    assignedCount,
    confirmed:
      row.subjectIdPatternConfirmedAt && row.subjectIdPatternConfirmedBy
        ? { by: row.subjectIdPatternConfirmedBy, at: row.subjectIdPatternConfirmedAt.toISOString() }
        : null,
  };
}

/** The trial page's enrolment records: the subject ID pattern and every consent form version, retired ones kept. */
export async function getTrialEnrolmentRecords(options: {
  trialId: string;
  db?: Db | Tx;
}): Promise<TrialEnrolmentRecordsDto> {
  const { trialId, db = prisma } = options;
  const trial = await db.trial.findUnique({
    where: { id: trialId },
    select: {
      subjectIdPattern: true,
      subjectIdPatternConfirmedAt: true,
      subjectIdPatternConfirmedBy: { select: { id: true, name: true } },
      subjectIdCounter: { select: { lastNumber: true } },
      consentFormVersions: {
        orderBy: [{ retiredAt: { sort: 'desc', nulls: 'first' } }, { approvedOn: 'desc' }, { createdAt: 'desc' }],
        select: CONSENT_FORM_VERSION_SELECT,
      },
    },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  return {
    subjectIds: toSubjectIdSettings(trial),
    consentForms: trial.consentFormVersions.map(toConsentFormVersionDto),
  };
}
