import 'server-only';
import { prisma } from '@/lib/db';
import type { OverallStatus, PipelineStage, ReferralSource, VisitStatus } from '@/lib/generated/prisma/enums';
import { addDaysToDate, isoWeekStartOfDate } from '@/lib/scheduling/local-date';
import { utcToZoned, zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { OVERALL_STATUSES, PIPELINE_STAGES } from './labels';

export type StageCounts = Record<PipelineStage, number>;

export type TrialPipeline = {
  trialId: string;
  title: string;
  nctId: string | null;
  overallStatus: OverallStatus;
  counts: StageCounts;
  total: number;
};

export type RecentReferral = {
  id: string;
  firstName: string;
  lastName: string;
  /** Calendar date, 'YYYY-MM-DD'. */
  referralDate: string;
  referralSource: ReferralSource;
  trials: Array<{ title: string; stage: PipelineStage }>;
};

export type DashboardStats = {
  trials: { total: number; recruiting: number; byStatus: Array<{ status: OverallStatus; count: number }> };
  pipeline: { totals: StageCounts; total: number; byTrial: TrialPipeline[] };
  visitsThisWeek: {
    /** Monday and Sunday of the current ISO week in the clinic's time zone, 'YYYY-MM-DD'. */
    weekStart: string;
    weekEnd: string;
    total: number;
    byStatus: Array<{ status: VisitStatus; count: number }>;
  };
  /** Null when the viewer may not read candidates. */
  recentReferrals: RecentReferral[] | null;
};

type Options = { timeZone: string; includeReferrals: boolean; now?: Date };

const RECENT_REFERRALS = 10;

function emptyStageCounts(): StageCounts {
  return Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as StageCounts;
}

function isoDateOf(date: Date): string {
  // @db.Date columns come back as UTC midnight; the UTC date is the calendar date.
  return date.toISOString().slice(0, 10);
}

/** The clinic's current ISO week, Monday 00:00 to the next Monday 00:00, as UTC instants. */
function currentWeek(now: Date, timeZone: string) {
  const monday = isoWeekStartOfDate(utcToZoned(now, timeZone).date);
  const nextMonday = addDaysToDate(monday, 7);
  return {
    weekStart: monday,
    weekEnd: addDaysToDate(monday, 6),
    from: zonedTimeToUtc({ date: monday, time: '00:00', timeZone }),
    to: zonedTimeToUtc({ date: nextMonday, time: '00:00', timeZone }),
  };
}

/**
 * Everything the dashboard counts, straight from the database. Voided candidates
 * are left out of the pipeline and the referral list; cancelled visits are not
 * counted as this week's visits.
 */
export async function getDashboardStats({
  timeZone,
  includeReferrals,
  now = new Date(),
}: Options): Promise<DashboardStats> {
  const week = currentWeek(now, timeZone);

  const [trialGroups, stageGroups, visitGroups, referrals] = await Promise.all([
    prisma.trial.groupBy({ by: ['overallStatus'], _count: { _all: true } }),
    prisma.pipelineEntry.groupBy({
      by: ['trialId', 'stage'],
      where: { candidate: { voidedAt: null } },
      _count: { _all: true },
    }),
    prisma.visit.groupBy({
      by: ['status'],
      where: { scheduledAt: { gte: week.from, lt: week.to }, status: { not: 'CANCELLED' } },
      _count: { _all: true },
    }),
    includeReferrals
      ? prisma.candidate.findMany({
          where: { voidedAt: null },
          orderBy: [{ referralDate: 'desc' }, { createdAt: 'desc' }],
          take: RECENT_REFERRALS,
          select: {
            id: true,
            firstName: true,
            lastName: true,
            referralDate: true,
            referralSource: true,
            pipelineEntries: {
              select: { stage: true, trial: { select: { title: true, shortTitle: true } } },
              orderBy: { createdAt: 'asc' },
            },
          },
        })
      : Promise.resolve(null),
  ]);

  const statusCount = new Map(trialGroups.map((g) => [g.overallStatus, g._count._all]));
  const byStatus = OVERALL_STATUSES.filter((s) => statusCount.has(s)).map((status) => ({
    status,
    count: statusCount.get(status) ?? 0,
  }));

  // Trials with candidates, plus recruiting trials that have none yet: an empty
  // pipeline on a recruiting trial is worth seeing.
  const trialIds = [...new Set(stageGroups.map((g) => g.trialId))];
  const trialRows = await prisma.trial.findMany({
    where: { OR: [{ id: { in: trialIds } }, { overallStatus: 'RECRUITING' }] },
    select: { id: true, title: true, shortTitle: true, nctId: true, overallStatus: true },
  });
  const perTrial = new Map<string, TrialPipeline>(
    trialRows.map((t) => [
      t.id,
      {
        trialId: t.id,
        title: t.shortTitle ?? t.title,
        nctId: t.nctId,
        overallStatus: t.overallStatus,
        counts: emptyStageCounts(),
        total: 0,
      },
    ]),
  );
  const totals = emptyStageCounts();
  for (const group of stageGroups) {
    const count = group._count._all;
    totals[group.stage] += count;
    const trial = perTrial.get(group.trialId);
    if (trial) {
      trial.counts[group.stage] += count;
      trial.total += count;
    }
  }

  const visitCount = new Map(visitGroups.map((g) => [g.status, g._count._all]));
  const visitStatuses: VisitStatus[] = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'MISSED'];

  return {
    trials: {
      total: trialGroups.reduce((sum, g) => sum + g._count._all, 0),
      recruiting: statusCount.get('RECRUITING') ?? 0,
      byStatus,
    },
    pipeline: {
      totals,
      total: stageGroups.reduce((sum, g) => sum + g._count._all, 0),
      byTrial: [...perTrial.values()].sort((a, b) => b.total - a.total || a.title.localeCompare(b.title)),
    },
    visitsThisWeek: {
      weekStart: week.weekStart,
      weekEnd: week.weekEnd,
      total: visitGroups.reduce((sum, g) => sum + g._count._all, 0),
      byStatus: visitStatuses.map((status) => ({ status, count: visitCount.get(status) ?? 0 })),
    },
    recentReferrals:
      referrals?.map((c) => ({
        id: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
        referralDate: isoDateOf(c.referralDate),
        referralSource: c.referralSource,
        trials: c.pipelineEntries.map((e) => ({ title: e.trial.shortTitle ?? e.trial.title, stage: e.stage })),
      })) ?? null,
  };
}
