import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { selfReportFormFor, type SelfReportForm } from './catalog';

/**
 * Checks that an instrument × timepoint is in the enrollment's trial plan (current protocol
 * version) and can be answered by the participant; 400 with the field otherwise.
 */
export async function assertSelfReportSlot(options: {
  tx: Tx;
  enrollmentId: string;
  instrument: string;
  timepoint: string;
}): Promise<SelfReportForm> {
  const { tx } = options;
  const { enrollmentId, instrument, timepoint } = options;
  const enrollment = await tx.enrollment.findUnique({
    where: { id: enrollmentId },
    select: {
      status: true,
      trial: {
        select: {
          protocolVersions: {
            orderBy: { number: 'desc' },
            take: 1,
            select: { assessmentPlan: { select: { instrument: true, timepoint: true } } },
          },
        },
      },
    },
  });
  if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  if (enrollment.status !== 'ACTIVE')
    throw new AppError('CONFLICT', 'This participation has ended; no new questionnaires can be sent.');
  const plan = enrollment.trial.protocolVersions[0]?.assessmentPlan ?? [];
  if (!plan.some((item) => item.instrument === instrument)) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { instrument: [`${instrument} is not in this trial's assessment plan.`] },
    });
  }
  if (!plan.some((item) => item.instrument === instrument && item.timepoint === timepoint)) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { timepoint: [`${timepoint} is not a ${instrument} timepoint in this trial's assessment plan.`] },
    });
  }
  const form = selfReportFormFor(instrument);
  if (!form) {
    const name = isInstrumentCode(instrument) ? INSTRUMENT_LABELS[instrument] : instrument;
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: {
        instrument: [
          `${name} is not offered for self-report (its wording is licensed or it is clinician-administered); record it from paper.`,
        ],
      },
    });
  }
  return form;
}
