import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { PARTICIPANT_LABEL } from '@/lib/self-report/catalog';

export type AssessmentListItem = {
  id: string;
  instrument: string;
  timepoint: string;
  administeredAt: string;
  items: Array<number | null>;
  total: number | null;
  severity: string | null;
  flags: string[];
  isComplete: boolean;
  /** STAFF typed it in; PATIENT answered themselves (the original record, never edited). */
  source: 'STAFF' | 'PATIENT';
  recordedBy: string;
  correctsId: string | null;
  correctionReason: string | null;
  supersededAt: string | null;
  createdAt: string;
};

/** Every questionnaire of one enrollment, corrected versions included, oldest first. */
export async function listAssessments(options: {
  enrollmentId: string;
}): Promise<{ assessments: AssessmentListItem[] }> {
  const enrollment = await prisma.enrollment.findUnique({ where: { id: options.enrollmentId }, select: { id: true } });
  if (!enrollment)
    throw new AppError('NOT_FOUND', 'This enrollment does not exist.', {
      fields: { enrollmentId: ['No such enrollment.'] },
    });
  const rows = await prisma.assessment.findMany({
    where: { enrollmentId: enrollment.id },
    orderBy: [{ administeredAt: 'asc' }, { createdAt: 'asc' }],
    include: { recordedBy: { select: { name: true } } },
  });
  return {
    assessments: rows.map((row) => ({
      id: row.id,
      instrument: row.instrument,
      timepoint: row.timepoint,
      administeredAt: row.administeredAt.toISOString(),
      items: Array.isArray(row.items) ? (row.items as Array<number | null>) : [],
      total: row.total,
      severity: row.severity,
      flags: row.flags,
      isComplete: row.isComplete,
      source: row.source,
      recordedBy: row.recordedBy?.name ?? PARTICIPANT_LABEL,
      correctsId: row.correctsId,
      correctionReason: row.correctionReason,
      supersededAt: row.supersededAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
