import { AppError } from '@/lib/errors/app-error';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Reads the raw body, refusing (413) more than `limit` bytes without buffering it all; null when there is none. */
export async function readBodyBytes(req: Request, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body, refusing more than `limit` bytes without buffering it all. */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const bytes = await readBodyBytes(req, limit);
  if (!bytes) return undefined;
  let text: string;
  try {
    // Fatal: bytes that are not UTF-8 are refused, not silently replaced with U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid UTF-8.', {
      fields: { _: ['The request body is not valid UTF-8.'] },
    });
  }
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', {
      fields: { _: ['The request body is not valid JSON.'] },
    });
  }
}

function tooLarge(limit: number) {
  const mb = limit / (1024 * 1024);
  return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${mb % 1 === 0 ? mb : mb.toFixed(1)} MB.`);
}
