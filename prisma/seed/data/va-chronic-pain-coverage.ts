// Transcribed from VHA Office of Integrated Veteran Care, Clinical Determination and Indication
// "Ketamine for Chronic Pain" (CDI 00031), so the repository does not depend on the source file.

/** Coverage note for the seeded chronic-pain trials. */
export const VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE =
  'VHA Office of Integrated Veteran Care, Clinical Determination and Indication "Ketamine for Chronic Pain" ' +
  '(CDI 00031, effective October 1, 2024; issued as a draft reference for non-VA providers): ketamine by any route ' +
  '(including subcutaneous, oral, intravenous, intramuscular, transdermal and intranasal) is considered investigational ' +
  'and experimental for chronic pain, and therefore not medically necessary, because peer-reviewed evidence of its ' +
  'safety and efficacy is insufficient and there is no FDA-approved indication for chronic pain. TRICARE likewise ' +
  'excludes off-label ketamine. Ketamine for chronic pain is therefore not a covered clinical service; participants ' +
  'receive it only as part of this research protocol.';
