import { z } from 'zod';
import { created, defineRoute } from '@/lib/auth/guard';
import { importTrials, previewImport } from '@/lib/trials/import-trials';
import { importQuerySchema } from '@/lib/validations/trials';

export const POST = defineRoute(
  { permission: 'trial.edit', query: importQuerySchema, body: z.unknown(), maxBodyBytes: 5 * 1024 * 1024 },
  async ({ query, body, user, audit }) => {
    if (query.preview) return previewImport(body);
    const result = await importTrials({ json: body, ctx: { user, audit }, allowOlder: query.allowOlder });
    return result.results.some((item) => item.created) ? created(result) : result;
  },
);
