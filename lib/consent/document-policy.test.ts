import { describe, expect, it } from 'vitest';
import { isPdf, safePdfFileName } from './document-policy';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('isPdf', () => {
  it('accepts the PDF header', () => {
    expect(isPdf(bytes('%PDF-1.7\n%âãÏÓ'))).toBe(true);
  });

  it.each([
    ['a PNG', '\x89PNG\r\n'],
    ['HTML named .pdf', '<html><script>alert(1)</script>'],
    ['the header later in the file', ' %PDF-1.4'],
    ['a truncated header', '%PDF'],
    ['nothing', ''],
  ])('refuses %s', (_label, text) => {
    expect(isPdf(bytes(text))).toBe(false);
  });
});

describe('safePdfFileName', () => {
  it('keeps a plain name', () => {
    expect(safePdfFileName('Consent v3.1 signed.pdf')).toBe('Consent v3.1 signed.pdf');
  });

  it('drops paths, quotes and control characters, and ends in .pdf', () => {
    expect(safePdfFileName('C:\\scans\\"x";\r\nSet-Cookie: a.PDF')).toBe('xSet-Cookie a.pdf');
    expect(safePdfFileName('../../etc/passwd')).toBe('passwd.pdf');
  });

  it('names a file with nothing usable', () => {
    expect(safePdfFileName('«»')).toBe('signed-consent.pdf');
  });
});
