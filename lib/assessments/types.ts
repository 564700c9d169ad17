import type { AuditFn } from '@/lib/auth/guard';
import type { Role } from '@/lib/auth/permissions';

/** Who acts: the guard context of a route handler, server action or page (tests build one by hand). */
export type OutcomeContext = { user: { id: string; name?: string; role: Role }; audit: AuditFn };

/** What recording or correcting an assessment answers with (the API's 201 body). */
export type RecordedAssessment = {
  id: string;
  total: number | null;
  subscores: Record<string, number | null>;
  severity: string | null;
  flags: string[];
};
