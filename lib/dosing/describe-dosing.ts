import { formatNumber } from '@/lib/dosing/format';
import type { DosingExtension, DosingProtocol, Route, WeightBasis } from '@/lib/validations/dosing';

// Dosing protocols in plain words, for staff reading a trial page. The wording
// follows how protocols are written: "0.5 mg/kg actual body weight, capped at
// 50 mg, IV over 40 min; 1 session; optional open-label extension 1–7 days after".

const ROUTE_SHORT: Record<Route, string> = { IV: 'IV', IM: 'IM', IN: 'intranasal', PO: 'oral', SC: 'subcutaneous' };
const BASIS_WORDS: Record<WeightBasis, string> = {
  ACTUAL: 'actual body weight',
  IDEAL: 'ideal body weight',
  ADJUSTED: 'adjusted body weight',
};

const n = formatNumber;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}

/** "0.5 mg/kg actual body weight", "35 mg", "placebo (no drug dose)". */
export function describeDose(
  protocol: Pick<DosingProtocol, 'doseMode' | 'mgPerKg' | 'fixedMg' | 'weightBasis'>,
): string {
  if (protocol.doseMode === 'PLACEBO') return 'placebo (no drug dose)';
  if (protocol.doseMode === 'FIXED') return protocol.fixedMg === null ? 'fixed dose' : `${n(protocol.fixedMg)} mg`;
  const basis = protocol.weightBasis ? ` ${BASIS_WORDS[protocol.weightBasis]}` : '';
  return protocol.mgPerKg === null ? `mg/kg${basis}` : `${n(protocol.mgPerKg)} mg/kg${basis}`;
}

/** The dose, its cap and how it is given: "0.5 mg/kg actual body weight, capped at 50 mg, IV over 40 min". */
export function describeSessionDose(protocol: DosingProtocol): string {
  const parts = [describeDose(protocol)];
  // "No cap" matters for a weight-based dose (it grows with weight); a fixed dose needs no mention of one.
  if (protocol.maxMgPerSession !== null && protocol.doseMode !== 'PLACEBO')
    parts.push(`capped at ${n(protocol.maxMgPerSession)} mg`);
  else if (protocol.doseMode === 'WEIGHT_BASED') parts.push('no cap');
  const route = ROUTE_SHORT[protocol.route];
  parts.push(protocol.infusionMinutes === null ? route : `${route} over ${n(protocol.infusionMinutes)} min`);
  return parts.join(', ');
}

/** "4 sessions, at most 2 in any 7 days, ≥ 48 h and ≤ 7 days apart" or "1 session". */
export function describeSchedule(protocol: DosingProtocol): string {
  const parts = [plural(protocol.sessionCount, 'session')];
  if (protocol.sessionsPerWeek !== null) parts.push(`at most ${n(protocol.sessionsPerWeek)} in any 7 days`);
  const gaps: string[] = [];
  if (protocol.minHoursBetweenSessions !== null) gaps.push(`≥ ${n(protocol.minHoursBetweenSessions)} h`);
  if (protocol.maxDaysBetweenSessions !== null) gaps.push(`≤ ${plural(protocol.maxDaysBetweenSessions, 'day')}`);
  if (gaps.length > 0) parts.push(`${gaps.join(' and ')} apart`);
  return parts.join(', ');
}

/** "optional open-label extension 1–7 days after (0.5 mg/kg)". */
export function describeExtension(
  extension: DosingExtension,
  protocol: Pick<DosingProtocol, 'weightBasis' | 'doseMode' | 'maxMgPerSession'>,
): string {
  const kind = [extension.isOptional ? 'optional' : null, extension.isOpenLabel ? 'open-label' : null, 'extension']
    .filter(Boolean)
    .join(' ');
  const { minDaysAfterLastSession: min, maxDaysAfterLastSession: max } = extension;
  const when = min === max ? `${plural(min, 'day')} after` : `${n(min)}–${n(max)} days after`;
  let dose: string | null = null;
  if (extension.mgPerKg !== null)
    dose = describeDose({
      doseMode: 'WEIGHT_BASED',
      mgPerKg: extension.mgPerKg,
      fixedMg: null,
      weightBasis: protocol.weightBasis,
    });
  else if (extension.fixedMg !== null) dose = `${n(extension.fixedMg)} mg`;
  // A placebo arm's sessions carry no cap in words, so the active extension states its own.
  if (dose !== null && protocol.doseMode === 'PLACEBO' && protocol.maxMgPerSession !== null)
    dose = `${dose}, capped at ${n(protocol.maxMgPerSession)} mg`;
  return `${kind} ${when}${dose === null ? '' : ` (${dose})`}`;
}

/** The whole protocol in one line, with the parts separated by semicolons. */
export function describeDosing(protocol: DosingProtocol): string {
  const parts = [describeSessionDose(protocol), describeSchedule(protocol)];
  if (protocol.extension) parts.push(describeExtension(protocol.extension, protocol));
  return parts.join('; ');
}

/** "Session 2: 0.75 mg/kg" for each escalation step. */
export function describeDoseSteps(protocol: DosingProtocol): string[] {
  return protocol.doseSteps.map((step) => {
    const dose =
      step.mgPerKg !== null
        ? `${n(step.mgPerKg)} mg/kg`
        : step.fixedMg !== null
          ? `${n(step.fixedMg)} mg`
          : 'no dose set';
    return `Session ${n(step.sessionNumber)}: ${dose}`;
  });
}

/** "10 mg/mL" or "100 mL bag", or null when neither is set. */
export function describeVolume(
  protocol: Pick<DosingProtocol, 'concentrationMgPerMl' | 'diluentVolumeMl'>,
): string | null {
  if (protocol.concentrationMgPerMl !== null) return `${n(protocol.concentrationMgPerMl)} mg/mL`;
  if (protocol.diluentVolumeMl !== null) return `${n(protocol.diluentVolumeMl)} mL diluent`;
  return null;
}

/** For a protocol still being typed into a form: null while any number in it is missing or not a number. */
export function tryDescribeDosing(protocol: DosingProtocol): string | null {
  try {
    return describeDosing(protocol);
  } catch {
    return null;
  }
}
