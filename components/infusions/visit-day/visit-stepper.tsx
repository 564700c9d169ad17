import { AdministrationStep, AdverseEventsStep, CheckInStep, DischargeStep, DoseStep, VitalsStep } from './lazy-steps';
import { StepFrame, type StepState } from './step-frame';
import type { VisitDayPermissions, VisitDayView } from './types';

/** The six steps of an infusion day in order; each shows who did it and when once done. */
export function VisitStepper({ visit, permissions }: { visit: VisitDayView; permissions: VisitDayPermissions }) {
  const pre = visit.vitals.filter((row) => row.timepoint === 'PRE');
  const isHeld = visit.holdReasons.length > 0 && !visit.holdOverride;
  const done = {
    checkIn: visit.checkIn !== null,
    vitals: pre.length > 0 && !isHeld,
    dose: visit.verification !== null,
    administration: visit.administration !== null,
    discharge: visit.discharge !== null,
  };
  const order: Array<keyof typeof done> = ['checkIn', 'vitals', 'dose', 'administration', 'discharge'];
  const firstOpen = order.find((key) => !done[key]);
  const state = (key: keyof typeof done): StepState => {
    if (done[key]) return 'done';
    if (key === 'vitals' && isHeld) return 'blocked';
    return key === firstOpen ? 'current' : 'upcoming';
  };
  const lastPre = pre.at(-1);
  const lastAfter = visit.vitals.filter((row) => row.timepoint !== 'PRE').at(-1);
  const lastAe = visit.adverseEvents.at(-1);

  return (
    <ol aria-label="Infusion day steps" className="flex flex-col gap-4">
      <StepFrame
        timeZone={visit.timeZone}
        number={1}
        title="Check-in checklist"
        state={state('checkIn')}
        done={visit.checkIn}
      >
        <CheckInStep visit={visit} canRecord={permissions.canRecord} />
      </StepFrame>
      <StepFrame
        timeZone={visit.timeZone}
        number={2}
        title="Pre-infusion vitals"
        state={state('vitals')}
        done={lastPre ? { by: lastPre.recordedBy, at: lastPre.recordedAt } : null}
      >
        <VitalsStep visit={visit} canRecord={permissions.canRecord} />
      </StepFrame>
      <StepFrame timeZone={visit.timeZone} number={3} title="Dose" state={state('dose')} done={visit.verification}>
        <DoseStep visit={visit} canVerify={permissions.canVerify} canCalculate={permissions.canCalculate} />
      </StepFrame>
      <StepFrame
        timeZone={visit.timeZone}
        number={4}
        title="Administration"
        state={state('administration')}
        done={visit.administration ?? (lastAfter ? { by: lastAfter.recordedBy, at: lastAfter.recordedAt } : null)}
      >
        <AdministrationStep visit={visit} canRecord={permissions.canRecord} />
      </StepFrame>
      <StepFrame
        timeZone={visit.timeZone}
        number={5}
        title="Adverse events"
        state={visit.adverseEvents.length > 0 ? 'done' : visit.checkIn ? 'current' : 'upcoming'}
        done={lastAe ? { by: lastAe.by, at: lastAe.at } : null}
      >
        <AdverseEventsStep visit={visit} canRecord={permissions.canRecord} />
      </StepFrame>
      <StepFrame
        timeZone={visit.timeZone}
        number={6}
        title="Discharge"
        state={state('discharge')}
        done={visit.discharge}
      >
        <DischargeStep visit={visit} canRecord={permissions.canRecord} />
      </StepFrame>
    </ol>
  );
}
