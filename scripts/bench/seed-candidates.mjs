// Bulk data for the candidate-list benchmark: 100,000 obviously fictional
// candidates with their pipeline entries (and history) in three trials, and
// their contact logs. Rows are generated inside PostgreSQL by multi-row
// INSERT … SELECT over generate_series: one statement per table, a few seconds
// in all, and deterministic (every value is a hash of the row number).

// Name parts that cannot be mistaken for real people: "Mockwell", "Testbury".
const FIRST_NAMES = [
  'Ada',
  'Bram',
  'Cora',
  'Dex',
  'Elna',
  'Fitz',
  'Gwen',
  'Hollis',
  'Iris',
  'Jory',
  'Kit',
  'Lark',
  'Mabel',
  'Nico',
  'Opal',
  'Pip',
  'Quill',
  'Rue',
  'Sable',
  'Tobin',
  'Umber',
  'Vesper',
  'Wren',
  'Xan',
  'Yara',
  'Zed',
  'Arlo',
  'Bex',
  'Clem',
  'Dory',
];
const SURNAME_STARTS = [
  'Mock',
  'Test',
  'Fake',
  'Sample',
  'Dummy',
  'Pretend',
  'Fict',
  'Synth',
  'Notreal',
  'Madeup',
  'Placebo',
  'Stub',
  'Proxy',
  'Shim',
  'Spoof',
  'Sham',
  'Faux',
  'Ersatz',
  'Imit',
  'Quasi',
  'Pseudo',
  'Demo',
  'Draft',
  'Trial',
  'Proto',
  'Beta',
  'Alpha',
  'Gamma',
  'Delta',
  'Sigma',
  'Omega',
  'Theta',
  'Kappa',
  'Lambda',
  'Zeta',
  'Iota',
  'Epsilon',
  'Rho',
  'Tau',
  'Phi',
];
const SURNAME_ENDS = [
  'well',
  'ford',
  'ton',
  'worth',
  'ham',
  'by',
  'field',
  'wick',
  'bury',
  'stead',
  'more',
  'dale',
  'ley',
  'croft',
  'gate',
  'holm',
  'shaw',
  'thorpe',
  'wood',
  'brook',
  'mere',
  'ridge',
  'combe',
  'hurst',
  'land',
  'marsh',
  'moor',
  'port',
  'stone',
  'vale',
  'wynn',
  'ville',
  'sen',
  'son',
  'man',
  'berg',
  'stein',
  'ovich',
  'escu',
  'akis',
];

/** Stage mix of a busy pipeline, in percent. */
const STAGE_MIX = {
  REFERRED: 35,
  CONTACTED: 20,
  PRESCREENING: 12,
  AWAITING_REVIEW: 5,
  ELIGIBLE: 4,
  INELIGIBLE: 4,
  CONSENTED: 2,
  ENROLLED: 1,
  IN_TREATMENT: 2,
  COMPLETED: 3,
  WITHDRAWN: 5,
  SCREEN_FAILED: 5,
  LOST_TO_FOLLOW_UP: 2,
};
const STAGES = Object.entries(STAGE_MIX).flatMap(([stage, percent]) => Array.from({ length: percent }, () => stage));

export const BENCH_TRIALS = [
  { id: 'bench-trial-1', acronym: 'KET-DEP', share: 70 },
  { id: 'bench-trial-2', acronym: 'KET-PAIN', share: 40 },
  { id: 'bench-trial-3', acronym: 'KET-PTSD', share: 20 },
];
export const BENCH_COORDINATORS = 10;

/** h(n, salt): a stable non-negative pseudo-random integer per row. */
const H = (expr, salt) => `abs(hashtext((${expr})::text || '${salt}'))`;

export async function seedCandidates(client, { count, log = () => {} }) {
  const step = async (label, sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  await step(
    'coordinators',
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
     SELECT 'bench-user-' || g, 'bench-coordinator-' || g || '@bench.test', 'Bench Coordinator ' || g, 'COORDINATOR', 'not-a-hash', now()
     FROM generate_series(1, ${BENCH_COORDINATORS}) g`,
  );
  for (const trial of BENCH_TRIALS) {
    await step(
      `trial ${trial.acronym}`,
      `INSERT INTO "Trial" (id, title, acronym, "studyType", allocation, "overallStatus", "updatedAt")
       VALUES ($1, $2, $3, 'INTERVENTIONAL', 'RANDOMIZED', 'RECRUITING', now())`,
      [trial.id, `Fictional ketamine benchmark study ${trial.acronym}`, trial.acronym],
    );
    await step(
      `arms of ${trial.acronym}`,
      `INSERT INTO "Arm" (id, "trialId", label, type, "allocationWeight", position, "updatedAt")
       VALUES ($1 || '-a', $1, 'Ketamine', 'EXPERIMENTAL', 1, 0, now()), ($1 || '-b', $1, 'Midazolam', 'ACTIVE_COMPARATOR', 1, 1, now())`,
      [trial.id],
    );
  }

  await step(
    'candidates',
    `INSERT INTO "Candidate" (id, "firstName", "lastName", "dateOfBirth", sex, mrn, phone, email, "preferredContactMethod",
       "preferredLanguage", "isVeteran", "referralSource", "referringProvider", "referralDate", "assignedCoordinatorId",
       "voidedAt", "voidReason", "createdAt", "updatedAt")
     SELECT id, first, last, dob, sex, mrn, phone, lower(first || '.' || last || '.' || g) || '@example.test', method,
       language, veteran, source, provider, referral, coordinator,
       CASE WHEN ${H('g', 'void')} % 200 = 0 THEN referral + interval '30 days' END,
       CASE WHEN ${H('g', 'void')} % 200 = 0 THEN 'Entered twice (benchmark data)' END,
       referral + (${H('g', 'created')} % 86400) * interval '1 second', now()
     FROM (
       SELECT g, 'bench-c-' || lpad(g::text, 6, '0') AS id,
         ($1::text[])[1 + ${H('g', 'first')} % cardinality($1::text[])] AS first,
         ($2::text[])[1 + ${H('g', 'start')} % cardinality($2::text[])] || ($3::text[])[1 + ${H('g', 'end')} % cardinality($3::text[])] AS last,
         date '1940-01-01' + (${H('g', 'dob')} % 22000) AS dob,
         (ARRAY['FEMALE','MALE','FEMALE','MALE','OTHER','UNKNOWN']::"Sex"[])[1 + ${H('g', 'sex')} % 6] AS sex,
         'BENCH-' || lpad(g::text, 7, '0') AS mrn,
         '(212) 555-' || lpad((${H('g', 'phone')} % 10000)::text, 4, '0') AS phone,
         (ARRAY['PHONE','EMAIL','TEXT','PHONE']::"ContactMethod"[])[1 + ${H('g', 'method')} % 4] AS method,
         CASE WHEN ${H('g', 'lang')} % 9 = 0 THEN 'Spanish' ELSE 'English' END AS language,
         ${H('g', 'vet')} % 3 = 0 AS veteran,
         (ARRAY['PROVIDER','PROVIDER','SELF','ADVERTISEMENT','REGISTRY','OTHER']::"ReferralSource"[])[1 + ${H('g', 'source')} % 6] AS source,
         'Dr. ' || ($2::text[])[1 + ${H('g', 'prov')} % cardinality($2::text[])] || ' (fictional)' AS provider,
         current_date - (${H('g', 'ref')} % 730) AS referral,
         CASE WHEN ${H('g', 'coord')} % 5 = 0 THEN NULL ELSE 'bench-user-' || (1 + ${H('g', 'coord')} % ${BENCH_COORDINATORS}) END AS coordinator
       FROM generate_series(1, $4::int) g
     ) rows`,
    [FIRST_NAMES, SURNAME_STARTS, SURNAME_ENDS, count],
  );

  const trialValues = BENCH_TRIALS.map((t, i) => `('${t.id}', ${t.share}, ${i + 1})`).join(', ');
  await step(
    'pipeline entries',
    `INSERT INTO "PipelineEntry" (id, "candidateId", "trialId", stage, "stageChangedAt", "createdAt", "updatedAt")
     SELECT c.id || '-' || t.n, c.id, t.id, ($1::text[])[1 + ${H('c.id || t.id', 'stage')} % 100]::"PipelineStage",
       c."createdAt" + (${H('c.id || t.id', 'moved')} % 60) * interval '1 day', c."createdAt", now()
     FROM "Candidate" c CROSS JOIN (VALUES ${trialValues}) AS t(id, share, n)
     WHERE c.id LIKE 'bench-c-%' AND ${H('c.id || t.id', 'in')} % 100 < t.share`,
    [STAGES],
  );
  await step(
    'pipeline history',
    `INSERT INTO "PipelineEvent" (id, "pipelineEntryId", "fromStage", "toStage", "actorId", "createdAt")
     SELECT e.id || '-r', e.id, NULL::"PipelineStage", 'REFERRED'::"PipelineStage", 'bench-user-1', e."createdAt" FROM "PipelineEntry" e WHERE e.id LIKE 'bench-c-%'
     UNION ALL
     SELECT e.id || '-s', e.id, 'REFERRED'::"PipelineStage", e.stage, 'bench-user-1', e."stageChangedAt" FROM "PipelineEntry" e WHERE e.id LIKE 'bench-c-%' AND e.stage <> 'REFERRED'`,
  );
  await step(
    'contact attempts',
    `INSERT INTO "ContactAttempt" (id, "candidateId", method, outcome, notes, "nextFollowUpOn", "contactedAt", "actorId", "createdAt", "updatedAt")
     SELECT c.id || '-k' || k, c.id,
       (ARRAY['PHONE','EMAIL','TEXT','PHONE']::"ContactMethod"[])[1 + ${H('c.id || k', 'm')} % 4],
       (ARRAY['REACHED','LEFT_MESSAGE','NO_ANSWER','EMAIL_SENT','TEXT_SENT','SCHEDULED_PRESCREEN']::"ContactOutcome"[])[1 + ${H('c.id || k', 'o')} % 6],
       CASE WHEN k = 1 THEN 'Benchmark contact note' END,
       CASE WHEN ${H('c.id || k', 'f')} % 2 = 0 THEN c."referralDate" + (k * 3 + 2) END,
       c."createdAt" + k * interval '2 days', COALESCE(c."assignedCoordinatorId", 'bench-user-1'), now(), now()
     FROM "Candidate" c CROSS JOIN LATERAL generate_series(1, ${H('c.id', 'contacts')} % 4) AS k
     WHERE c.id LIKE 'bench-c-%'`,
  );
}
