export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  role: 'ADMIN' | 'COORDINATOR' | 'CLINICIAN';
  password: string;
}>;
