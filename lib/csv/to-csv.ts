import Papa from 'papaparse';

/**
 * Spreadsheet formula injection: a cell starting with = @ tab or CR, or with + or -
 * followed by anything but a number- or phone-like run, gets a leading quote so a
 * spreadsheet shows it as text instead of running it. "-12.5" and "+1 555 0100" stay.
 */
export const CSV_FORMULA_PATTERN = /^[=@\t\r]|^[+-](?![\d\s().-]*$)/;

export type CsvCell = string | number | boolean | null | undefined;

/** Rows to CSV text (CRLF, RFC 4180 quoting), every cell escaped against formula injection. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  return Papa.unparse(cells, { header: false, newline: '\r\n', escapeFormulae: CSV_FORMULA_PATTERN });
}
