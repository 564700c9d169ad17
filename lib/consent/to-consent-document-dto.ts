import type { ConsentDocumentDto } from './types';

type Row = {
  id: string;
  consentId: string;
  revision: number;
  fileName: string;
  byteSize: number;
  replaceReason: string | null;
  createdAt: Date;
  uploadedBy: { id: string; name: string };
};

/** Every field but the content, which only the audited download route serves. */
export const CONSENT_DOCUMENT_SELECT = {
  id: true,
  consentId: true,
  revision: true,
  fileName: true,
  byteSize: true,
  replaceReason: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
} as const;

export function toConsentDocumentDto(row: Row): ConsentDocumentDto {
  return {
    id: row.id,
    revision: row.revision,
    fileName: row.fileName,
    byteSize: row.byteSize,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.createdAt.toISOString(),
    replaceReason: row.replaceReason,
    href: `/api/v1/consents/${encodeURIComponent(row.consentId)}/documents/${encodeURIComponent(row.id)}`,
  };
}
