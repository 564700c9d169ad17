export const TRIAL_SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'arms', label: 'Arms and dosing' },
  { id: 'criteria', label: 'Eligibility criteria' },
  { id: 'assessment-plan', label: 'Assessment plan' },
  { id: 'assumptions', label: 'Assumptions' },
  { id: 'versions', label: 'Versions' },
] as const;

export { AssumptionsSection } from './assumptions-section';
export { OverviewSection } from './overview-section';
export { ArmsSection } from './arms-section';
export { CriteriaSection } from './criteria-section';
export { AssessmentPlanSection, VersionsSection } from './plan-and-versions-sections';
