import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes cells that a spreadsheet would run as a formula', () => {
    const csv = toCsv([['=HYPERLINK("http://x","click")', '@SUM(A1)', '+cmd', '-2+3', '\tTAB']]);
    expect(csv).not.toMatch(/(^|,)"?[=@+\t]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'+cmd");
    expect(csv).toContain("'-2+3");
  });

  it('leaves numbers, negative amounts and phone numbers alone', () => {
    expect(toCsv([[-12.5, '-12.5', '+1 555 0100', 31.7, null, true]])).toBe('-12.5,-12.5,+1 555 0100,31.7,,true');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines']])).toBe('"a,b","say ""hi""","two\nlines"');
  });
});
