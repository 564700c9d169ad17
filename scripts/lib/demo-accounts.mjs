// Fictional staff for the demo database only. The passwords meet the policy
// (12+ characters, not common) and `npm start` prints them.
export const DEMO_ACCOUNTS = [
  { email: 'admin@trialdesk.test', name: 'Morgan Keyes', role: 'ADMIN', password: 'Harbor-Lantern-42' },
  { email: 'coordinator@trialdesk.test', name: 'Riley Fairweather', role: 'COORDINATOR', password: 'Maple-Compass-42' },
  { email: 'clinician@trialdesk.test', name: 'Dr. Sam Okafor', role: 'CLINICIAN', password: 'Cedar-Stethoscope-42' },
  // Named unblinded staff of the masked demo trial (NCT06668571): prepares and verifies its doses.
  { email: 'pharmacist@trialdesk.test', name: 'Jordan Vale, PharmD', role: 'CLINICIAN', password: 'Willow-Ampoule-42' },
];
