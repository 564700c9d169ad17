import 'server-only';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ContactOutcomeValue } from '@/lib/validations/candidates';
import { businessDaysBetween, lastDateMoreThanBusinessDaysAgo } from './business-days';
import { getClinicClock } from '@/lib/clinic/clock';
import { TRIAL_LABEL_SQL } from './mappers';
import type { FollowUps } from './types';

/** A referral must be contacted within this many business days. */
export const CONTACT_WITHIN_BUSINESS_DAYS = 3;
/** Each dashboard list shows at most this many, the most overdue first. */
const MAX_ITEMS = 200;

type Base = {
  candidateId: string;
  firstName: string;
  lastName: string;
  mrn: string;
  phone: string | null;
  referralDate: string;
  coordinatorId: string | null;
  coordinatorName: string | null;
};
type UncontactedRow = Base & { trials: unknown };
type OverdueRow = Base & { nextFollowUpOn: string; lastContactAt: Date | string; lastOutcome: ContactOutcomeValue };

const BASE_COLUMNS = Prisma.sql`c.id AS "candidateId", c."firstName", c."lastName", c.mrn, c.phone,
  to_char(c."referralDate", 'YYYY-MM-DD') AS "referralDate", u.id AS "coordinatorId", u.name AS "coordinatorName"`;

function coordinator(row: Base) {
  return row.coordinatorId ? { id: row.coordinatorId, name: row.coordinatorName ?? '' } : null;
}

function base(row: Base) {
  return {
    candidateId: row.candidateId,
    firstName: row.firstName,
    lastName: row.lastName,
    mrn: row.mrn,
    phone: row.phone,
    coordinator: coordinator(row),
    referralDate: row.referralDate,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * What the coordinators' dashboard asks them to do next:
 * - `uncontacted`: referrals more than 3 business days old (Mon–Fri) with no
 *   contact attempt logged and no pipeline past REFERRED (a referral that sits in
 *   no trial yet counts too, so none gets lost);
 * - `overdue`: candidates whose latest contact set a follow-up date before today,
 *   unless every pipeline they are in has closed.
 * `today` is the clinic's calendar date (its settings' zone) unless given.
 */
export async function getFollowUps(options: { today?: string } = {}): Promise<FollowUps> {
  const today = options.today ?? (await getClinicClock()).today();
  const cutoff = lastDateMoreThanBusinessDaysAgo(today, CONTACT_WITHIN_BUSINESS_DAYS);
  const [uncontacted, overdue] = await Promise.all([
    prisma.$queryRaw<UncontactedRow[]>(Prisma.sql`
      SELECT ${BASE_COLUMNS},
        COALESCE((
          SELECT json_agg(json_build_object('trialId', p."trialId", 'trialLabel', ${Prisma.raw(TRIAL_LABEL_SQL)}) ORDER BY p."createdAt", p.id)
          FROM "PipelineEntry" p JOIN "Trial" t ON t.id = p."trialId" WHERE p."candidateId" = c.id
        ), '[]'::json) AS trials
      FROM "Candidate" c
      LEFT JOIN "User" u ON u.id = c."assignedCoordinatorId"
      WHERE c."voidedAt" IS NULL
        AND c."referralDate" <= ${cutoff}::date
        AND NOT EXISTS (SELECT 1 FROM "ContactAttempt" a WHERE a."candidateId" = c.id AND a."voidedAt" IS NULL)
        AND NOT EXISTS (SELECT 1 FROM "PipelineEntry" p WHERE p."candidateId" = c.id AND p.stage <> 'REFERRED')
      ORDER BY c."referralDate", c.id
      LIMIT ${MAX_ITEMS}`),
    prisma.$queryRaw<OverdueRow[]>(Prisma.sql`
      SELECT ${BASE_COLUMNS}, to_char(latest."nextFollowUpOn", 'YYYY-MM-DD') AS "nextFollowUpOn",
        latest."contactedAt" AS "lastContactAt", latest.outcome::text AS "lastOutcome"
      FROM "Candidate" c
      JOIN LATERAL (
        SELECT a."nextFollowUpOn", a."contactedAt", a.outcome FROM "ContactAttempt" a
        WHERE a."candidateId" = c.id AND a."voidedAt" IS NULL
        ORDER BY a."contactedAt" DESC, a.id DESC
        LIMIT 1
      ) latest ON true
      LEFT JOIN "User" u ON u.id = c."assignedCoordinatorId"
      WHERE c.id IN (SELECT a."candidateId" FROM "ContactAttempt" a WHERE a."nextFollowUpOn" < ${today}::date AND a."voidedAt" IS NULL)
        AND latest."nextFollowUpOn" < ${today}::date
        AND c."voidedAt" IS NULL
        AND (
          NOT EXISTS (SELECT 1 FROM "PipelineEntry" p WHERE p."candidateId" = c.id)
          OR EXISTS (SELECT 1 FROM "PipelineEntry" p WHERE p."candidateId" = c.id
                     AND p.stage NOT IN ('COMPLETED', 'WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP', 'INELIGIBLE'))
        )
      ORDER BY latest."nextFollowUpOn", c.id
      LIMIT ${MAX_ITEMS}`),
  ]);

  return {
    uncontacted: uncontacted.map((row) => ({
      ...base(row),
      businessDaysWaiting: businessDaysBetween(row.referralDate, today),
      trials: (typeof row.trials === 'string' ? JSON.parse(row.trials) : row.trials) as Array<{
        trialId: string;
        trialLabel: string;
      }>,
    })),
    overdue: overdue.map((row) => ({
      ...base(row),
      nextFollowUpOn: row.nextFollowUpOn,
      lastContactAt: new Date(row.lastContactAt).toISOString(),
      lastOutcome: row.lastOutcome,
      daysOverdue: daysBetween(row.nextFollowUpOn, today),
    })),
  };
}
