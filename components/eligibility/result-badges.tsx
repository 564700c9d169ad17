import { Badge } from '@/components/ui/badge';
import type { CriterionResultValue, OverallResult } from '@/lib/eligibility/types';
import type { CriterionKind } from '@/lib/validations/eligibility';
import { CRITERION_RESULT_LABELS, criterionTone, OVERALL_LABELS, OVERALL_TONES } from './labels';

export function OverallBadge({ overall, className }: { overall: OverallResult; className?: string }) {
  return (
    <Badge tone={OVERALL_TONES[overall]} className={className}>
      {OVERALL_LABELS[overall]}
    </Badge>
  );
}

export function CriterionResultBadge({
  kind,
  result,
  className,
}: {
  kind: CriterionKind;
  result: CriterionResultValue;
  className?: string;
}) {
  return (
    <Badge tone={criterionTone(kind, result)} className={className}>
      {CRITERION_RESULT_LABELS[result]}
    </Badge>
  );
}
