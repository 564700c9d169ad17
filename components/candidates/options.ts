import 'server-only';
import { listTrials } from '@/lib/trials/list-trials';
import { listUsers } from '@/lib/users/list-users';

// Choices the candidate pages offer (trials, coordinators), read on the server
// so only labels and ids reach the browser.

export type Option = { value: string; label: string };

/** How a trial is named in pickers: the registry id first, since that is what referrals quote. */
export function trialOptionLabel(trial: { nctId: string | null; shortTitle: string | null; title: string }): string {
  const name = trial.shortTitle ?? trial.title;
  return trial.nctId ? `${trial.nctId} · ${name}` : name;
}

/** Every trial, recruiting ones first, then by title. */
export async function trialOptions(): Promise<Array<Option & { isRecruiting: boolean }>> {
  const { items } = await listTrials({ page: 1, pageSize: 100, sort: 'title', dir: 'asc' });
  return items
    .map((trial) => ({ value: trial.id, label: trialOptionLabel(trial), isRecruiting: trial.status === 'RECRUITING' }))
    .sort((a, b) => Number(b.isRecruiting) - Number(a.isRecruiting));
}

/** Active coordinators, by name (the people a candidate can be assigned to). */
export async function coordinatorOptions(): Promise<Option[]> {
  const users = await listUsers();
  return users
    .filter((user) => user.role === 'COORDINATOR' && user.isActive)
    .map((user) => ({ value: user.id, label: user.name }));
}
