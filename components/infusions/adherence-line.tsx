import type { ParticipantAdherence } from '@/lib/scheduling/compute-adherence';

/** "3 of 4 sessions completed (75%) · 1 late · 0 missed · 0 deviations · 1 upcoming". */
export function adherenceText(adherence: ParticipantAdherence): string {
  const rate = adherence.completionRate === null ? '' : ` (${Math.round(adherence.completionRate * 100)}%)`;
  const late = adherence.lateSessionNumbers.length > 0 ? ` (session ${adherence.lateSessionNumbers.join(', ')})` : '';
  const missed =
    adherence.missedSessionNumbers.length > 0 ? ` (session ${adherence.missedSessionNumbers.join(', ')})` : '';
  return `${adherence.completed} of ${adherence.planned} sessions completed${rate} · ${adherence.late} late${late} · ${adherence.missed} missed${missed} · ${adherence.deviations} deviation${adherence.deviations === 1 ? '' : 's'} · ${adherence.upcoming} upcoming`;
}

export function AdherenceLine({ adherence }: { adherence: ParticipantAdherence | undefined }) {
  if (!adherence) return null;
  return (
    <p className="text-sm text-slate-800">
      <span className="font-medium">Adherence:</span> {adherenceText(adherence)}
    </p>
  );
}
