import { z } from 'zod';
import { created, defineRoute } from '@/lib/auth/guard';
import { importTrials, previewImport } from '@/lib/trials/import-trials';
import { readImportSource } from '@/lib/trials/read-import-source';
import { importQuerySchema } from '@/lib/validations/trials';

// The body is ClinicalTrials.gov API v2 JSON, or { "nctId": "NCT…" } to fetch it from the registry.
export const POST = defineRoute(
  { permission: 'trial.edit', query: importQuerySchema, body: z.unknown(), maxBodyBytes: 5 * 1024 * 1024 },
  async ({ query, body, user, audit }) => {
    const json = await readImportSource({ body });
    if (query.preview) return previewImport(json);
    const result = await importTrials({ json, ctx: { user, audit }, allowOlder: query.allowOlder });
    return result.results.some((item) => item.created) ? created(result) : result;
  },
);
