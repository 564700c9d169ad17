// What a deployment must set before TrialDesk serves real patients: checked by the container
// entrypoint always, and by `npm start` when the deployer sets NODE_ENV=production. A plain
// `npm start` (the embedded default, or a local server over http) generates its secrets and
// keeps working.

export const MIN_SECRET_LENGTH = 32;

/** Each problem as a sentence that says what to set; empty when the environment is ready. */
export function productionProblems(env = process.env) {
  const problems = [];
  for (const [name, purpose] of [
    ['NEXTAUTH_SECRET', 'signs the session cookies'],
    ['AUDIT_KEY', 'seals the audit trail and the electronic signatures; back it up'],
  ]) {
    const value = env[name] ?? '';
    if (!value) problems.push(`Set ${name} (it ${purpose}): e.g. ${name}=$(openssl rand -base64 32).`);
    else if (value.length < MIN_SECRET_LENGTH)
      problems.push(`${name} is too short: use at least ${MIN_SECRET_LENGTH} characters (openssl rand -base64 32).`);
  }
  const url = env.NEXTAUTH_URL ?? '';
  let protocol = null;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = null;
  }
  if (protocol !== 'https:') {
    problems.push(
      `Set NEXTAUTH_URL to the https:// address staff open, e.g. NEXTAUTH_URL=https://trialdesk.clinic.org ` +
        `(TLS ends at your reverse proxy)${url ? `; it is ${url}` : ''}.`,
    );
  }
  return problems;
}

/** Prints the problems and exits when there are any. */
export function refuseUnlessProductionReady(env = process.env) {
  const problems = productionProblems(env);
  if (problems.length === 0) return;
  console.error('TrialDesk will not start in production until these are set:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
