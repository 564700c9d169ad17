import { dosingProtocolSchema } from '@/lib/validations/dosing';

type DosingRow = { armId: string; protocol: unknown; protocolVersion: { number: number } };

/**
 * Planned infusion sessions per arm: the session count of the arm's confirmed dosing protocol in the
 * newest protocol version that has one. Arms without a confirmed protocol are left out.
 */
export function plannedSessionsByArm(dosing: readonly DosingRow[]): Map<string, number> {
  const newestFirst = [...dosing].sort((a, b) => b.protocolVersion.number - a.protocolVersion.number);
  const planned = new Map<string, number>();
  for (const row of newestFirst) {
    if (planned.has(row.armId) || row.protocol === null) continue;
    const parsed = dosingProtocolSchema.safeParse(row.protocol);
    if (parsed.success) planned.set(row.armId, parsed.data.sessionCount);
  }
  return planned;
}
