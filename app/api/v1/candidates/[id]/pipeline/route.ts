import { defineRoute } from '@/lib/auth/guard';
import { movePipeline } from '@/lib/pipeline/move-pipeline';
import { candidateIdParamsSchema, pipelineMoveSchema } from '@/lib/validations/candidates';

export const POST = defineRoute(
  { permission: 'pipeline.move', params: candidateIdParamsSchema, body: pipelineMoveSchema },
  async ({ params, body, user, audit }) => movePipeline({ candidateId: params.id, input: body, ctx: { user, audit } }),
);
