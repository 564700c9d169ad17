'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { receiveLot } from '@/lib/drug-inventory/receive-lot';
import { recordCount } from '@/lib/drug-inventory/record-count';
import { recordWaste } from '@/lib/drug-inventory/record-waste';
import { reverseMovement } from '@/lib/drug-inventory/reverse-movement';
import { reviewCount } from '@/lib/drug-inventory/review-count';
import {
  countReviewSchema,
  countSchema,
  receiveLotSchema,
  reversalSchema,
  wasteSchema,
} from '@/lib/validations/drug-inventory';
import { z } from 'zod';

// Controlled-drug record writes. Each parses with the API's schema, calls one lib
// function and refreshes the pages that show balances.

function refresh(lotId?: string) {
  revalidatePath('/drug-inventory');
  if (lotId) revalidatePath(`/drug-inventory/${lotId}`);
  revalidatePath('/');
}

export const receiveLotAction = defineAction(
  { permission: 'drug.receive', input: receiveLotSchema },
  async ({ input, user, audit, request }) => {
    const lot = await receiveLot({ input, ctx: { user, audit, request } });
    refresh(lot.id);
    return { id: lot.id, onHandMg: lot.onHandMg };
  },
);

export const recordWasteAction = defineAction(
  { permission: 'drug.waste', input: wasteSchema },
  async ({ input, user, audit, request }) => {
    const movement = await recordWaste({ input, ctx: { user, audit, request } });
    refresh(input.lotId);
    return { balanceAfterMg: movement.balanceAfterMg };
  },
);

export const recordCountAction = defineAction(
  { permission: 'drug.count', input: countSchema },
  async ({ input, user, audit, request }) => {
    const count = await recordCount({ input, ctx: { user, audit, request } });
    refresh(input.lotId);
    return { discrepancy: count.discrepancy, discrepancyMg: count.discrepancyMg, expectedMg: count.expectedMg };
  },
);

const reversalActionSchema = reversalSchema.extend({
  movementId: z.string().trim().min(1).max(64),
  lotId: z.string().trim().min(1).max(64),
});

export const reverseMovementAction = defineAction(
  { permission: 'drug.reverse', input: reversalActionSchema },
  async ({ input, user, audit, request }) => {
    const { movementId, lotId, ...rest } = input;
    const movement = await reverseMovement({ movementId, input: rest, ctx: { user, audit, request } });
    refresh(lotId);
    return { balanceAfterMg: movement.balanceAfterMg };
  },
);

const reviewActionSchema = countReviewSchema.extend({ countId: z.string().trim().min(1).max(64) });

export const reviewCountAction = defineAction(
  { permission: 'drug.review', input: reviewActionSchema },
  async ({ input, user, audit, request }) => {
    const result = await reviewCount({
      countId: input.countId,
      input: { note: input.note },
      ctx: { user, audit, request },
    });
    refresh();
    return result;
  },
);
