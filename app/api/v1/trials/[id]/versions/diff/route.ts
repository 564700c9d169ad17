import { defineRoute } from '@/lib/auth/guard';
import { compareProtocolVersions } from '@/lib/trials/compare-protocol-versions';
import { trialIdParamsSchema, versionDiffQuerySchema } from '@/lib/validations/trials';

/**
 * GET /api/v1/trials/{id}/versions/diff?from=1&to=2: criteria, dosing, schedule and assessment
 * plan changes between two protocol versions, with each version's reason and author. Blinded
 * staff of a masked trial get only dosing changes made alike in every arm.
 */
export const GET = defineRoute(
  { permission: 'trial.read', params: trialIdParamsSchema, query: versionDiffQuerySchema },
  async ({ params, query, user }) =>
    compareProtocolVersions({ trialId: params.id, from: query.from, to: query.to, viewerId: user.id }),
);
