import { describe, expect, it } from 'vitest';
import { NCT06668571_DOSING, dosingProtocolSchema } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import type { StoredProvenance } from '@/lib/validations/provenance';
import { blockingDoseAssumptions, doseBlockedMessage, doseSettingFields } from './dose-assumptions';

const unconfirmed = (...fields: string[]): StoredProvenance => ({
  quote: 'Some source text',
  assumptions: fields.map((field) => ({
    field: field as never,
    note: `Assumed ${field}`,
    confirmedById: null,
    confirmedByName: null,
    confirmedAt: null,
  })),
});

const STEPPED = dosingProtocolSchema.parse({
  ...defaultDosingProtocol(),
  sessionCount: 3,
  doseSteps: [{ sessionNumber: 2, mgPerKg: 0.75, fixedMg: null }],
});

const fieldsBlocking = (provenance: StoredProvenance, protocol = STEPPED, sessionNumber: number | null = 1) =>
  blockingDoseAssumptions({ provenance, protocol, sessionNumber }).map((a) => a.field);

describe('blockingDoseAssumptions', () => {
  it('blocks every session on an assumed weight basis, cap, route, drug or dose mode', () => {
    for (const field of ['weightBasis', 'maxMgPerSession', 'route', 'drug', 'doseMode'])
      for (const session of [1, 2, 3]) expect(fieldsBlocking(unconfirmed(field), STEPPED, session)).toEqual([field]);
  });

  it('never blocks on rounding, weight window, spacing, infusion length or session count', () => {
    const listed = unconfirmed(
      'roundingIncrementMg',
      'weightWindowDays',
      'sessionsPerWeek',
      'minHoursBetweenSessions',
      'maxDaysBetweenSessions',
      'infusionMinutes',
      'sessionCount',
    );
    expect(fieldsBlocking(listed)).toEqual([]);
  });

  it('blocks a session on its own dose only: a dose step for its session, the arm dose for the others', () => {
    expect(fieldsBlocking(unconfirmed('doseSteps'), STEPPED, 2)).toEqual(['doseSteps']);
    expect(fieldsBlocking(unconfirmed('doseSteps'), STEPPED, 1)).toEqual([]);
    expect(fieldsBlocking(unconfirmed('mgPerKg'), STEPPED, 1)).toEqual(['mgPerKg']);
    expect(fieldsBlocking(unconfirmed('mgPerKg'), STEPPED, 2)).toEqual([]);
  });

  it('blocks only the extension session on an assumed extension dose (NCT06668571)', () => {
    const extension = unconfirmed('extension.mgPerKg');
    expect(fieldsBlocking(extension, NCT06668571_DOSING, 1)).toEqual([]);
    expect(fieldsBlocking(extension, NCT06668571_DOSING, 2)).toEqual(['extension.mgPerKg']);
    // An extension without a dose of its own takes the arm's, so the arm dose's assumption blocks it.
    const inherits = dosingProtocolSchema.parse({
      ...NCT06668571_DOSING,
      extension: { ...NCT06668571_DOSING.extension!, mgPerKg: null },
    });
    expect(doseSettingFields(inherits, 2)).toContain('mgPerKg');
  });

  it('lets a confirmed assumption through', () => {
    const provenance = unconfirmed('weightBasis');
    provenance.assumptions[0] = {
      ...provenance.assumptions[0],
      confirmedById: 'u1',
      confirmedByName: 'A',
      confirmedAt: '2026-12-01T10:00:00.000Z',
    };
    expect(fieldsBlocking(provenance)).toEqual([]);
    expect(fieldsBlocking({ quote: 'x', assumptions: [] })).toEqual([]);
  });

  it('says which values block and who can lift it, naming no arm (masked trials)', () => {
    const blocking = blockingDoseAssumptions({
      provenance: unconfirmed('weightBasis', 'mgPerKg'),
      protocol: STEPPED,
      sessionNumber: 1,
    });
    expect(doseBlockedMessage(blocking)).toBe(
      "No dose can be calculated for this session: the protocol's weight basis, mg/kg are clinic assumptions the " +
        'source does not state, not yet confirmed. An admin must confirm (or correct and confirm) it under ' +
        'Assumptions on the trial page.',
    );
  });
});
