/** What recording or correcting an assessment answers with (the API's 201 body). */
export type RecordedAssessment = {
  id: string;
  total: number | null;
  subscores: Record<string, number | null>;
  severity: string | null;
  flags: string[];
};
