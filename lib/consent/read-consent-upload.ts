import 'server-only';
import { readFormData } from '@/lib/api/read-form-data';
import { AppError } from '@/lib/errors/app-error';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { rejectUnsafeText } from '@/lib/http/unsafe-text';
import { consentDocumentUploadSchema, type ConsentDocumentUploadInput } from '@/lib/validations/consent';
import { MAX_CONSENT_PDF_BYTES, MULTIPART_OVERHEAD_BYTES } from './document-policy';

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The signed form is larger than ${MAX_CONSENT_PDF_BYTES / (1024 * 1024)} MB.`, {
    fields: { file: [`The file is larger than ${MAX_CONSENT_PDF_BYTES / (1024 * 1024)} MB.`] },
  });

/**
 * The upload request's form (`file`, `reason`): 413 past the size limit (checked while the body
 * streams in, then on the file itself), 415 for a body that is not multipart, 400 for a missing
 * file or a bad reason. Whether the bytes are a PDF is attachConsentDocument's check.
 */
export async function readConsentUpload(req: Request): Promise<ConsentDocumentUploadInput> {
  let form: FormData;
  try {
    form = await readFormData(req, MAX_CONSENT_PDF_BYTES + MULTIPART_OVERHEAD_BYTES);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') throw tooLarge();
    throw error;
  }
  const file = form.get('file');
  if (file instanceof File && file.size > MAX_CONSENT_PDF_BYTES) throw tooLarge();
  const reason = form.get('reason');
  rejectUnsafeText({ reason: typeof reason === 'string' ? reason : null });
  const parsed = consentDocumentUploadSchema.safeParse({ file, reason: typeof reason === 'string' ? reason : null });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, { fields: zodFieldErrors(parsed.error) });
  return parsed.data;
}
