import { Badge } from '@/components/ui/badge';
import type { PipelineStageValue } from '@/lib/validations/candidates';
import { PIPELINE_STAGE_LABELS, STAGE_TONES } from './labels';

/** A pipeline stage as a badge; the stage name is the content, the colour only reinforces it. */
export function StageBadge({ stage, className }: { stage: PipelineStageValue; className?: string }) {
  return (
    <Badge tone={STAGE_TONES[stage]} className={className}>
      {PIPELINE_STAGE_LABELS[stage]}
    </Badge>
  );
}
