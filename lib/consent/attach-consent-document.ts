import 'server-only';
import { createHash } from 'node:crypto';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ConsentDocumentUploadInput } from '@/lib/validations/consent';
import { isPdf, safePdfFileName } from './document-policy';
import { CONSENT_DOCUMENT_SELECT, toConsentDocumentDto } from './to-consent-document-dto';
import type { ConsentDocumentDto } from './types';

/**
 * Attaches the signed consent form (PDF) to a consent. The bytes must start with the PDF header
 * (415 otherwise, whatever the browser claimed). The first upload is revision 1; a replacement
 * needs a reason (400) and becomes the next revision, the earlier ones are kept (the table is
 * append-only). The consent row is locked so two uploads cannot take the same revision.
 */
export async function attachConsentDocument(options: {
  consentId: string;
  input: ConsentDocumentUploadInput;
  ctx: ActorContext;
}): Promise<ConsentDocumentDto> {
  const { consentId, input, ctx } = options;
  const content = Buffer.from(await input.file.arrayBuffer());
  if (!isPdf(content))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'This file is not a PDF: attach the scanned signed form as a PDF.', {
      fields: { file: ['This file is not a PDF.'] },
    });
  return prisma.$transaction(async (tx) => {
    const [consent] = await tx.$queryRaw<
      Array<{ id: string; voidedAt: Date | null; candidateId: string; trialId: string; candidateVoidedAt: Date | null }>
    >`
      SELECT c.id, c."voidedAt", pe."candidateId", pe."trialId", ca."voidedAt" AS "candidateVoidedAt"
      FROM "Consent" c
      JOIN "PipelineEntry" pe ON pe.id = c."pipelineEntryId"
      JOIN "Candidate" ca ON ca.id = pe."candidateId"
      WHERE c.id = ${consentId}
      FOR UPDATE OF c`;
    if (!consent || consent.candidateVoidedAt) throw new AppError('NOT_FOUND', 'This consent does not exist.');
    if (consent.voidedAt)
      throw new AppError('CONFLICT', 'This consent was voided: attach the form to the current one.');
    const latest = await tx.consentDocument.findFirst({
      where: { consentId },
      orderBy: { revision: 'desc' },
      select: { id: true, revision: true },
    });
    if (latest && !input.reason)
      throw new AppError('VALIDATION_FAILED', 'Say why the signed form is replaced.', {
        fields: { reason: ['Say why the signed form is replaced (the earlier one is kept).'] },
      });
    const fileName = safePdfFileName(input.file.name);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const revision = (latest?.revision ?? 0) + 1;
    const document = await tx.consentDocument.create({
      data: {
        consentId,
        revision,
        fileName,
        byteSize: content.byteLength,
        sha256,
        content,
        replaceReason: latest ? input.reason : null,
        uploadedById: ctx.user.id,
      },
      select: CONSENT_DOCUMENT_SELECT,
    });
    await ctx.audit(tx, {
      action: 'consent.document_upload',
      entityType: 'ConsentDocument',
      entityId: document.id,
      after: {
        consentId,
        candidateId: consent.candidateId,
        trialId: consent.trialId,
        revision,
        fileName,
        byteSize: content.byteLength,
        sha256,
        replacesDocumentId: latest?.id ?? null,
      },
      reason: latest ? input.reason : null,
    });
    return toConsentDocumentDto(document);
  });
}
