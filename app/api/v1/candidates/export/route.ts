import { defineRoute } from '@/lib/auth/guard';
import { exportCandidatesCsv } from '@/lib/candidates/export-candidates-csv';
import { candidateListQuerySchema } from '@/lib/validations/candidates';

/**
 * The list's filters and sort as a CSV download (page and pageSize are ignored),
 * streamed as the database cursor yields it. `x-row-count` carries the number of
 * rows up front, so the browser can show progress.
 */
export const GET = defineRoute(
  { permission: 'candidate.read', query: candidateListQuerySchema },
  async ({ query, user, audit }) => {
    const csv = await exportCandidatesCsv({ query, ctx: { user, audit } });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await csv.chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          await csv.close();
          controller.error(error);
        }
      },
      async cancel() {
        await csv.close();
        await csv.chunks.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'cache-control': 'no-store',
        'x-row-count': String(csv.rowCount),
      },
    });
  },
);
