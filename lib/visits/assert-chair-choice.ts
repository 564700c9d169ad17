import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { checkChairChoice, type SessionKind } from '@/lib/scheduling/session-policy';

/**
 * Refuses (400, per field) a chair given for a perioperative or inpatient session, and a chair session
 * booked without one, before any scheduling rule runs: the coordinator gets the reason, not a conflict list.
 */
export function assertChairChoices(options: {
  kind: SessionKind;
  visits: ReadonlyArray<{ chairId: string | null | undefined; path: string }>;
}): void {
  const fields: FieldErrors = {};
  for (const visit of options.visits) {
    const problem = checkChairChoice({ kind: options.kind, chairId: visit.chairId });
    if (problem !== null) fields[visit.path] = [problem.message];
  }
  const messages = Object.values(fields).flat();
  if (messages.length > 0) throw new AppError('VALIDATION_FAILED', messages[0], { fields });
}
