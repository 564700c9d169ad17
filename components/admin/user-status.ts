import type { BadgeTone } from '@/components/ui/badge';
import { isLocked } from '@/lib/auth/lockout';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

type StatusInput = { isActive: boolean; lockedUntil: Date | null };

/**
 * Deactivated wins over locked: a deactivated account cannot sign in either way. `timeZone`: the clinic
 * settings' zone, for the lock's end.
 */
export function describeUserStatus(user: StatusInput, now: Date, timeZone: string): { label: string; tone: BadgeTone } {
  if (!user.isActive) return { label: 'Deactivated', tone: 'neutral' };
  if (user.lockedUntil && isLocked(user, now)) {
    return { label: `Locked until ${formatClinicZoned(user.lockedUntil, timeZone, 'time')}`, tone: 'warning' };
  }
  return { label: 'Active', tone: 'success' };
}
