import type { CsvFile } from '@/lib/results/export-csv';

/** A CSV download that no cache keeps (it holds participant identifiers). */
export function csvResponse(file: CsvFile): Response {
  return new Response(`\uFEFF${file.csv}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
      'x-row-count': String(file.rowCount),
    },
  });
}
