import type { BadgeTone } from '@/components/ui/badge';
import { isLocked } from '@/lib/auth/lockout';
import { formatClinicTime } from '@/lib/clinic/clinic-time';

type StatusInput = { isActive: boolean; lockedUntil: Date | null };

/** Deactivated wins over locked: a deactivated account cannot sign in either way. */
export function describeUserStatus(user: StatusInput, now: Date): { label: string; tone: BadgeTone } {
  if (!user.isActive) return { label: 'Deactivated', tone: 'neutral' };
  if (user.lockedUntil && isLocked(user, now)) {
    return { label: `Locked until ${formatClinicTime(user.lockedUntil, 'time')}`, tone: 'warning' };
  }
  return { label: 'Active', tone: 'success' };
}
