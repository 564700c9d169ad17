import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

export type ConsentDocumentFile = { fileName: string; content: Uint8Array; byteSize: number };

/**
 * One revision of a signed consent form, for download by staff who may read the candidate
 * (the route's permission). Every view is recorded (`consent.document_viewed`) in the same
 * transaction as the read: no audit, no file. 404 when the document is not this consent's.
 */
export async function viewConsentDocument(options: {
  consentId: string;
  documentId: string;
  ctx: ActorContext;
}): Promise<ConsentDocumentFile> {
  const { consentId, documentId, ctx } = options;
  return prisma.$transaction(async (tx) => {
    const document = await tx.consentDocument.findFirst({
      where: { id: documentId, consentId },
      select: {
        revision: true,
        fileName: true,
        byteSize: true,
        content: true,
        consent: { select: { pipelineEntry: { select: { candidateId: true, trialId: true } } } },
      },
    });
    if (!document) throw new AppError('NOT_FOUND', 'This signed consent form does not exist.');
    const { candidateId, trialId } = document.consent.pipelineEntry;
    await ctx.audit(tx, {
      action: 'consent.document_viewed',
      entityType: 'ConsentDocument',
      entityId: documentId,
      after: { consentId, candidateId, trialId, revision: document.revision },
    });
    return { fileName: document.fileName, content: document.content, byteSize: document.byteSize };
  });
}
