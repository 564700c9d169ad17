import type { UserRef } from '@/lib/candidates/types';

// DTOs of consent records: a trial's approved consent form versions and the signed forms attached to a consent.

export type ConsentFormVersionDto = {
  id: string;
  label: string;
  /** 'YYYY-MM-DD'; null only for versions created from free text by the migration. */
  approvedOn: string | null;
  irbReference: string | null;
  addedBy: UserRef | null;
  retired: { at: string; by: UserRef | null; reason: string | null } | null;
  /** Consents recorded on this version (not voided). */
  consentCount: number;
};

/** One uploaded revision of the signed form; the content itself is only served by the download route. */
export type ConsentDocumentDto = {
  id: string;
  revision: number;
  fileName: string;
  byteSize: number;
  uploadedBy: UserRef;
  /** ISO instant. */
  uploadedAt: string;
  replaceReason: string | null;
  /** Where staff download it (Content-Disposition: attachment, audited). */
  href: string;
};

/** A version a new consent may be recorded on (not retired). */
export type ConsentFormOption = { id: string; label: string };
