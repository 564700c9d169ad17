// The signed consent form a coordinator attaches: a PDF of at most 10 MB (a scanned multi-page
// form is typically 1–5 MB). The file's claimed type is not trusted: the first bytes must be the
// PDF header "%PDF-" (ISO 32000-1 §7.5.2). Stored in the database (decision 0041).

export const MAX_CONSENT_PDF_BYTES = 10 * 1024 * 1024;
/** Multipart framing (boundaries, part headers, the reason field) on top of the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** A file name safe to put in Content-Disposition: the base name, printable ASCII without quotes, ending in .pdf. */
export function safePdfFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._ -]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .replace(/\.pdf$/i, '');
  return `${cleaned || 'signed-consent'}.pdf`;
}
