import 'server-only';
import { prisma, type Db, type Tx } from '@/lib/db';
import { loadBlindingViewer } from './load-blinding-viewer';
import { canSeeAllocation, type BlindingTrial, type BlindingViewer } from './policy';

/** One request's answer to "may this viewer see this participant's allocation?". */
export type AllocationGate = {
  viewer: BlindingViewer;
  canSee: (trial: BlindingTrial, enrollmentId?: string | null) => boolean;
};

export function gateFor(viewer: BlindingViewer): AllocationGate {
  return { viewer, canSee: (trial, enrollmentId) => canSeeAllocation({ viewer, trial, enrollmentId }) };
}

/** Loads the viewer's unblinded trials and emergency unblindings, once per read. */
export async function loadAllocationGate(options: { userId: string; db?: Db | Tx }): Promise<AllocationGate> {
  return gateFor(await loadBlindingViewer({ userId: options.userId, db: options.db ?? prisma }));
}
