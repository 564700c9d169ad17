import 'server-only';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import type { VisitListQuery } from '@/lib/validations/infusions';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

const MAX_RANGE_DAYS = 93;

export type CalendarVisit = VisitDto & {
  participant: { candidateId: string; firstName: string; lastName: string; mrn: string };
  trial: { id: string; nctId: string | null; label: string };
};

export type VisitCalendar = {
  from: string;
  to: string;
  timeZone: string;
  /** Every chair (inactive ones too, flagged), for the week view's rows. */
  chairs: Array<{ id: string; name: string; isActive: boolean }>;
  closures: Array<{ date: string; reason: string }>;
  visits: CalendarVisit[];
};

/** A clinic-local day ('YYYY-MM-DD', the whole day) or an instant. */
function toInstant(value: string, timeZone: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return zonedTimeToUtc({ date: edge === 'start' ? value : addDaysToDate(value, 1), time: '00:00', timeZone });
  }
  return new Date(value);
}

/**
 * Visits starting in [from, to] for the calendar: the week view by chair and day, the
 * clinic's day list (from = to = that day), a chair's column (chairId) or one
 * participant's schedule (enrollmentId). Ordered by start then chair.
 */
export async function listVisits(query: VisitListQuery): Promise<VisitCalendar> {
  const settings = await getClinicSettings();
  const from = toInstant(query.from, settings.timeZone, 'start');
  const to = toInstant(query.to, settings.timeZone, 'end');
  if (to.getTime() <= from.getTime())
    throw new AppError('VALIDATION_FAILED', undefined, { fields: { to: ['The end must be after the start'] } });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { to: [`Show at most ${MAX_RANGE_DAYS} days at a time`] },
    });
  }
  const visits = await prisma.visit.findMany({
    where: {
      scheduledAt: { gte: from, lt: to },
      ...(query.chairId ? { chairId: query.chairId } : {}),
      ...(query.enrollmentId ? { enrollmentId: query.enrollmentId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    include: {
      chair: { select: { name: true } },
      enrollment: {
        select: {
          candidate: { select: { id: true, firstName: true, lastName: true, mrn: true } },
          trial: { select: { id: true, nctId: true, acronym: true, shortTitle: true, title: true } },
        },
      },
    },
    orderBy: [{ scheduledAt: 'asc' }, { chairId: 'asc' }],
    take: 2000,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone: settings.timeZone,
    chairs: settings.chairs,
    closures: settings.closures,
    visits: visits.map((visit) => {
      const { candidate, trial } = visit.enrollment;
      return {
        ...toVisitDto(visit, settings.timeZone),
        participant: {
          candidateId: candidate.id,
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          mrn: candidate.mrn,
        },
        trial: { id: trial.id, nctId: trial.nctId, label: trial.acronym ?? trial.shortTitle ?? trial.title },
      };
    }),
  };
}
