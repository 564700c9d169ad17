import 'server-only';
import { fetchRegistryStudy } from '@/lib/ctgov/fetch-registry-study';
import { AppError } from '@/lib/errors/app-error';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { registryStudyRequestSchema } from '@/lib/validations/trials';

function isRegistryRequest(body: unknown): body is { nctId: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'nctId' in body;
}

/**
 * What an import is about: the registry JSON itself, or — for a body of just `{ "nctId": … }` —
 * the study fetched from ClinicalTrials.gov, so both go through the same preview and import.
 */
export async function readImportSource({ body }: { body: unknown }): Promise<unknown> {
  if (!isRegistryRequest(body)) return body;
  const parsed = registryStudyRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Give the NCT number of one study.', {
      fields: zodFieldErrors(parsed.error),
    });
  }
  return fetchRegistryStudy({ nctId: parsed.data.nctId });
}
