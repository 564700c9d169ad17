import { formatNumber } from '@/lib/dosing/format';
import type { Failure } from '@/lib/dosing/types';
import type { DosingProtocol } from '@/lib/validations/dosing';

// Which dose applies to a session:
// - a dose step overrides the arm dose for its own session only (it does not carry forward);
// - the extension session is number sessionCount + 1 and uses the extension's dose when
//   it has one, otherwise the arm's dose;
// - without a session number the arm dose is used, but only when no session has its own
//   dose, since guessing the session could pick the wrong step.

export type SessionDose =
  | { ok: true; kind: 'PLACEBO'; steps: string[] }
  | { ok: true; kind: 'WEIGHT_BASED'; mgPerKg: number; steps: string[] }
  | { ok: true; kind: 'FIXED'; fixedMg: number; steps: string[] };

type DoseSource = { mgPerKg: number | null; fixedMg: number | null };

function toSessionDose(source: DoseSource, label: string, steps: string[]): SessionDose {
  if (source.mgPerKg !== null) {
    return {
      ok: true,
      kind: 'WEIGHT_BASED',
      mgPerKg: source.mgPerKg,
      steps: [...steps, `${label}: ${formatNumber(source.mgPerKg)} mg/kg`],
    };
  }
  if (source.fixedMg !== null) {
    return {
      ok: true,
      kind: 'FIXED',
      fixedMg: source.fixedMg,
      steps: [...steps, `${label}: fixed ${formatNumber(source.fixedMg)} mg`],
    };
  }
  return { ok: true, kind: 'PLACEBO', steps: [...steps, 'Placebo session: no active drug (0 mg)'] };
}

export function resolveSessionDose(options: {
  protocol: DosingProtocol;
  sessionNumber: number | null | undefined;
}): SessionDose | Failure {
  const { protocol, sessionNumber } = options;
  const armDose: DoseSource = { mgPerKg: protocol.mgPerKg, fixedMg: protocol.fixedMg };
  const lastSession = protocol.extension ? protocol.sessionCount + 1 : protocol.sessionCount;

  if (sessionNumber === null || sessionNumber === undefined) {
    if (protocol.doseSteps.length > 0) {
      return {
        ok: false,
        errors: [
          {
            field: 'sessionNumber',
            code: 'SESSION_REQUIRED',
            message: 'This protocol doses some sessions differently; give the session number',
          },
        ],
      };
    }
    return toSessionDose(armDose, 'Arm dose', []);
  }
  if (!Number.isInteger(sessionNumber) || sessionNumber < 1 || sessionNumber > lastSession) {
    const extensionText = protocol.extension ? ` (session ${lastSession} is the extension)` : '';
    return {
      ok: false,
      errors: [
        {
          field: 'sessionNumber',
          code: 'SESSION_OUT_OF_RANGE',
          message: `Session ${String(sessionNumber)} is not part of this protocol: sessions run 1–${lastSession}${extensionText}`,
        },
      ],
    };
  }
  if (protocol.extension && sessionNumber === protocol.sessionCount + 1) {
    const { extension } = protocol;
    const sessionStep = `Session ${sessionNumber}: ${extension.label} (extension${extension.isOpenLabel ? ', open label' : ''})`;
    const hasOwnDose = extension.mgPerKg !== null || extension.fixedMg !== null;
    return hasOwnDose
      ? toSessionDose(extension, 'Extension dose', [sessionStep])
      : toSessionDose(armDose, 'Arm dose (extension has no dose of its own)', [sessionStep]);
  }
  const sessionStep = `Session ${sessionNumber} of ${protocol.sessionCount}`;
  const doseStep = protocol.doseSteps.find((step) => step.sessionNumber === sessionNumber);
  if (doseStep) return toSessionDose(doseStep, `Dose step for session ${sessionNumber}`, [sessionStep]);
  return toSessionDose(armDose, 'Arm dose', [sessionStep]);
}
