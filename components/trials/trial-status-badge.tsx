import { Badge } from '@/components/ui/badge';
import type { OverallStatusValue } from '@/lib/trials/types';
import { STATUS_LABELS, statusTone } from './labels';

export function TrialStatusBadge({ status }: { status: OverallStatusValue }) {
  return <Badge tone={statusTone(status)}>{STATUS_LABELS[status]}</Badge>;
}
