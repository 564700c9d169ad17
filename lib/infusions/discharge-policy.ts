// Monitoring and discharge policy: when a participant may go home after an infusion.
//
// Discharge waits until (1) the infusion has ended (its recorded stop, or start + the
// protocol's infusion minutes), (2) the monitoring time after it has passed (the protocol's
// own post-infusion monitoring minutes when set, else the clinic's), (3) post-infusion vitals
// (timepoint POST) are recorded and (4), where the trial's plan has a CADSS after this
// session, that CADSS is recorded. A clinician may discharge earlier with a reason: the
// override is recorded and becomes a protocol deviation that adherence counts.
// A perioperative or inpatient session adds (5): its stated stay (e.g. 24 h) has passed since check-in
// (lib/scheduling/session-policy.ts `checkStay`); the same override applies.

import { checkStay, type SessionKind } from '@/lib/scheduling/session-policy';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

/** The vitals timepoint that must exist before discharge. */
export const POST_INFUSION_TIMEPOINT = 'POST';
/** The dissociation scale a plan may ask for after each session. */
export const POST_INFUSION_SCALE = 'CADSS';
/** The deviation an early discharge becomes. */
export const EARLY_DISCHARGE_DEVIATION = 'EARLY_DISCHARGE';

export type DischargeBlockerCode = 'INFUSION_RUNNING' | 'MONITORING' | 'POST_VITALS' | 'CADSS' | 'STAY';
export type DischargeBlocker = { code: DischargeBlockerCode; message: string };

export type DischargeCheck = {
  now: Date;
  administration: { startedAt: Date; stoppedAt: Date | null } | null;
  infusionMinutes: number | null;
  monitoringMinutes: number;
  hasPostVitals: boolean;
  isCadssPlanned: boolean;
  hasCadss: boolean;
  /** The visit's session: a perioperative or inpatient stay must last its minutes from check-in. */
  session?: { kind: SessionKind; checkedInAt: Date | null; minutes: number };
};

export type DischargeState = {
  blockers: DischargeBlocker[];
  /** When the infusion ended (or is due to end), and when monitoring ends; null without an infusion. */
  infusionEndsAt: Date | null;
  monitoringEndsAt: Date | null;
  /** Whole minutes until monitoring ends (0 once it has). */
  minutesRemaining: number;
};

const MINUTE_MS = 60_000;

function clock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    instant,
  );
}

/** What still stands between this visit and discharge. Nothing when no infusion was given (the caller asks why). */
export function checkDischarge(input: DischargeCheck, timeZone = 'UTC'): DischargeState {
  const { now, administration } = input;
  if (!administration) return { blockers: [], infusionEndsAt: null, monitoringEndsAt: null, minutesRemaining: 0 };
  const blockers: DischargeBlocker[] = [];
  const plannedEnd =
    input.infusionMinutes === null
      ? null
      : new Date(administration.startedAt.getTime() + input.infusionMinutes * MINUTE_MS);
  const infusionEndsAt = administration.stoppedAt ?? plannedEnd;
  if (infusionEndsAt === null || infusionEndsAt.getTime() > now.getTime()) {
    blockers.push({
      code: 'INFUSION_RUNNING',
      message:
        infusionEndsAt === null
          ? 'Record when the infusion stopped.'
          : `The infusion runs until ${clock(infusionEndsAt, timeZone)}; record when it stopped.`,
    });
  }
  const monitoringEndsAt =
    infusionEndsAt === null
      ? null
      : new Date(
          Math.max(infusionEndsAt.getTime(), administration.startedAt.getTime()) + input.monitoringMinutes * MINUTE_MS,
        );
  const minutesRemaining =
    monitoringEndsAt === null
      ? input.monitoringMinutes
      : Math.max(0, Math.ceil((monitoringEndsAt.getTime() - now.getTime()) / MINUTE_MS));
  if (monitoringEndsAt !== null && minutesRemaining > 0) {
    blockers.push({
      code: 'MONITORING',
      message: `Monitoring ends at ${clock(monitoringEndsAt, timeZone)} (${minutesRemaining} ${minutesRemaining === 1 ? 'minute' : 'minutes'} from now; ${input.monitoringMinutes} minutes after the infusion).`,
    });
  }
  if (!input.hasPostVitals)
    blockers.push({ code: 'POST_VITALS', message: 'Record the post-infusion vitals (timepoint POST).' });
  if (input.isCadssPlanned && !input.hasCadss)
    blockers.push({
      code: 'CADSS',
      message: 'Record the post-infusion CADSS that the trial plans after this session.',
    });
  const stay = input.session
    ? checkStay({ ...input.session, now, formatInstant: (instant) => formatClinicZoned(instant, timeZone) })
    : null;
  if (stay !== null) blockers.push(stay);
  return { blockers, infusionEndsAt, monitoringEndsAt, minutesRemaining };
}
