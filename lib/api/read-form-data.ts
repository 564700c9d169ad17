import { AppError } from '@/lib/errors/app-error';
import { readBodyBytes } from './read-json-body';

/**
 * Reads a multipart/form-data body (a file upload), refusing (413) more than `limit` bytes while
 * it streams in, before anything parses it: Request.formData() alone would buffer any size.
 * Another content type is a 415.
 */
export async function readFormData(req: Request, limit: number): Promise<FormData> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.');
  const bytes = await readBodyBytes(req, limit);
  try {
    return await new Response(bytes ? new Uint8Array(bytes) : null, {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The upload could not be read: send it again.', {
      fields: { file: ['The upload could not be read: send it again.'] },
    });
  }
}
