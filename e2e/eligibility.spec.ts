import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, runFactory, signInPageAs, test } from './fixtures';
import { account, queryDb } from './support';

const TRIAL_NCT_ID = 'NCT06668571';

async function trialIdOf(nctId: string): Promise<string> {
  return (await runFactory<{ id: string }>('trial', { nctId })).id;
}

async function userIdOf(email: string): Promise<string> {
  return (await runFactory<{ id: string }>('account', { email })).id;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A unique, obviously fictional adult of 30–55 (inside the trial's 18–65), so age never decides the check. */
function fictionalPerson() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const year = new Date().getUTCFullYear() - 30 - Math.floor(Math.random() * 25);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return {
    firstName: 'Testina',
    lastName: `Notarealperson${suffix.toLowerCase()}`,
    dateOfBirth: `${year}-${month}-${day}`,
    mrn: `E2E-EL-${suffix}`,
  };
}

// Everything NCT06668571's structured criteria look at, none of it ruling the candidate out.
const NUMBERS = [
  { code: 'phq9_total', value: 18 },
  { code: 'weight_kg', value: 80, unit: 'kg' },
  { code: 'height_cm', value: 175, unit: 'cm' },
  { code: 'sbp', value: 128 },
  { code: 'dbp', value: 82 },
] as const;
const ABSENT_DIAGNOSES = [
  'personality_disorder_primary',
  'schizophrenia',
  'schizoaffective_disorder',
  'bipolar_disorder',
  'psychotic_symptoms',
  'ptsd_active',
  'neurocognitive_disorder',
  'crps',
] as const;
const NEVER_TAKEN = ['glutamate_gaba_modulator', 'maoi', 'opioid_antagonist', 'cyp3a4_inducer'] as const;
const NO_FACTS = ['pregnant', 'breastfeeding'] as const;
const ENTRY_COUNT = NUMBERS.length + ABSENT_DIAGNOSES.length + NEVER_TAKEN.length + NO_FACTS.length;

function screeningPayload(today: string) {
  return [
    ...NUMBERS.map((entry) => ({ ...entry, measuredAt: today })),
    ...ABSENT_DIAGNOSES.map((code) => ({ code: `dx:${code}`, isPresent: false, measuredAt: today })),
    ...NEVER_TAKEN.map((code) => ({
      code: `med:${code}`,
      isCurrent: false,
      lastDoseAt: null,
      isNeverTaken: true,
      measuredAt: today,
    })),
    ...NO_FACTS.map((code) => ({ code: `fact:${code}`, value: false, measuredAt: today })),
  ];
}

/** A new candidate on the trial's pipeline, moved through the given stages, through the API with the page's session. */
async function createCandidateInTrial(page: Page, trialId: string, stages: readonly string[]): Promise<string> {
  const person = fictionalPerson();
  const referralDate = isoDay(new Date(Date.now() - 3 * 86_400_000));
  const response = await page.request.post('/api/v1/candidates', {
    data: { ...person, sex: 'female', phone: '(212) 555-0142', referralSource: 'PROVIDER', referralDate, trialId },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  for (const to of stages) {
    const moved = await page.request.post(`/api/v1/candidates/${id}/pipeline`, { data: { trialId, to } });
    expect(moved.ok(), await moved.text()).toBe(true);
  }
  return id;
}

/**
 * A coordinator (in a browser context of their own) refers a candidate, moves them to Awaiting review,
 * records the screening data and runs a check: a check a clinician can sign.
 */
async function preparePendingReviewCheck(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ candidateId: string; checkId: string; trialId: string }> {
  const trialId = await trialIdOf(TRIAL_NCT_ID);
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInPageAs(page, 'COORDINATOR');
    const candidateId = await createCandidateInTrial(page, trialId, ['CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW']);
    const today = isoDay(new Date(Date.now() - 86_400_000));
    const recorded = await page.request.post(`/api/v1/candidates/${candidateId}/measurements`, {
      data: screeningPayload(today),
    });
    expect(recorded.status(), await recorded.text()).toBe(201);
    const checked = await page.request.post('/api/v1/eligibility/checks', { data: { candidateId, trialId } });
    expect(checked.status(), await checked.text()).toBe(201);
    const check = (await checked.json()) as { id: string; overall: string };
    expect(check.overall).toBe('PENDING_REVIEW');
    return { candidateId, checkId: check.id, trialId };
  } finally {
    await context.close();
  }
}

/** Fills one row of the screening form. */
async function fillRow(row: Locator, code: string, fill: (row: Locator) => Promise<void>) {
  await row.getByRole('combobox', { name: 'Measure' }).selectOption(code);
  await fill(row);
}

test('[COORDINATOR] enters screening data and runs the check', async ({ page, signInAs }) => {
  await signInAs('COORDINATOR');
  const trialId = await trialIdOf(TRIAL_NCT_ID);
  const candidateId = await createCandidateInTrial(page, trialId, ['CONTACTED', 'PRESCREENING']);

  // From the candidate page's section to the entry form.
  await page.goto(`/candidates/${candidateId}`);
  const section = page.getByRole('region', { name: 'Screening data and eligibility' });
  await expect(section.getByText('No screening measurements are on file.')).toBeVisible();
  await section.getByRole('link', { name: 'Enter screening data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter screening data' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Enter screening data' });
  const addRow = form.getByRole('button', { name: 'Add measurement' });
  // Enabled once the form is interactive.
  await expect(addRow).toBeEnabled();
  let index = 0;
  const nextRow = async () => {
    if (index > 0) await addRow.click();
    index += 1;
    return form.getByRole('group', { name: `Measurement ${index}`, exact: true });
  };

  for (const entry of NUMBERS) {
    const row = await nextRow();
    await fillRow(row, entry.code, async (r) => {
      await r.getByLabel('Value').fill(String(entry.value));
      if ('unit' in entry) await r.getByLabel('Unit').selectOption(entry.unit);
    });
    // The date measured starts at today.
    await expect(row.getByLabel('Date measured')).not.toHaveValue('');
  }
  for (const code of ABSENT_DIAGNOSES) {
    const row = await nextRow();
    await fillRow(row, `dx:${code}`, (r) => r.getByRole('radio', { name: 'Absent' }).check());
  }
  for (const code of NEVER_TAKEN) {
    const row = await nextRow();
    await fillRow(row, `med:${code}`, async (r) => {
      await r.getByRole('radio', { name: 'No', exact: true }).check();
      // Without "Never taken" an empty last dose is unknown, which would leave the washout exclusions open.
      await r.getByRole('checkbox', { name: 'Never taken' }).check();
    });
  }
  for (const code of NO_FACTS) {
    const row = await nextRow();
    await fillRow(row, `fact:${code}`, (r) => r.getByRole('radio', { name: 'No', exact: true }).check());
  }
  await form.getByRole('button', { name: 'Save measurements' }).click();
  await expect(page.getByText(`Saved ${ENTRY_COUNT} measurements.`)).toBeVisible();

  const coordinatorId = await userIdOf(account('COORDINATOR').email);
  const stored = await queryDb<{ code: string; valueNum: number | null; enteredById: string }>(
    `SELECT code, "valueNum", "enteredById" FROM "Measurement" WHERE "candidateId" = $1 AND "voidedAt" IS NULL`,
    [candidateId],
  );
  expect(stored).toHaveLength(ENTRY_COUNT);
  expect(stored.every((row) => row.enteredById === coordinatorId)).toBe(true);
  expect(stored.find((row) => row.code === 'weight_kg')?.valueNum).toBe(80);

  // Run the check from the confirmation and read it.
  await page.getByRole('button', { name: /Run eligibility check/ }).click();
  await expect(page).toHaveURL(new RegExp(`/candidates/${candidateId}/eligibility/[^/?#]+$`));
  const checkId = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Eligibility check' })).toBeVisible();

  const overall = page.getByRole('region', { name: 'Overall result' });
  await expect(overall.getByText('Pending review', { exact: true })).toBeVisible();
  await expect(overall).toContainText('A clinician must judge the clinician-judgment criteria and sign.');
  await expect(page.getByText(/^PHQ-9 = 18 on \d{4}-\d{2}-\d{2}; needs ≥ 15$/)).toBeVisible();
  await expect(page.getByText(/^BMI = 26\.1 on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  // Every criterion is listed with its original wording; clinician-judgment ones say so.
  const [{ count }] = await queryDb<{ count: string }>(
    `SELECT count(*) AS count FROM "Criterion" WHERE "protocolVersionId" = (SELECT "protocolVersionId" FROM "EligibilityCheck" WHERE id = $1)`,
    [checkId],
  );
  const criteria = page.getByRole('region', { name: 'Criteria', exact: true }).getByRole('article');
  await expect(criteria).toHaveCount(Number(count));
  await expect(criteria.filter({ hasText: 'PHQ-9 total score ≥ 15 at screening' })).toContainText('Met');
  await expect(criteria.filter({ hasText: 'Patients with a BMI > 40 kg/m2.' })).toContainText('Not met');
  await expect(criteria.filter({ hasText: 'Ability to pass a comprehension assessment test' })).toContainText(
    'Clinician judgment',
  );
  // A coordinator sees the check but cannot sign it.
  await expect(page.getByRole('button', { name: 'Sign decision' })).toHaveCount(0);
  await expect(page.getByLabel('Your password')).toHaveCount(0);

  const [saved] = await queryDb<{ overall: string; createdById: string; signedAt: Date | null }>(
    `SELECT overall, "createdById", "signedAt" FROM "EligibilityCheck" WHERE id = $1`,
    [checkId],
  );
  expect(saved).toEqual({ overall: 'PENDING_REVIEW', createdById: coordinatorId, signedAt: null });

  // Back on the candidate page, the section shows the latest values and the check.
  await page.goto(`/candidates/${candidateId}`);
  const after = page.getByRole('region', { name: 'Screening data and eligibility' });
  await expect(after.getByRole('row', { name: /PHQ-9 total/ })).toContainText('18');
  await expect(after.getByRole('row', { name: /Weight/ })).toContainText('80 kg');
  await expect(after.getByRole('link', { name: /View check/ })).toHaveAttribute(
    'href',
    `/candidates/${candidateId}/eligibility/${checkId}`,
  );
  await expect(after).toContainText('Pending review');
});

test('[CLINICIAN] reviews and signs', async ({ page, browser, baseURL, signInAs }) => {
  const { candidateId, checkId } = await preparePendingReviewCheck(browser, baseURL);
  await signInAs('CLINICIAN');
  await page.goto(`/candidates/${candidateId}/eligibility/${checkId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Eligibility check' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Review and sign' });
  const sign = form.getByRole('button', { name: 'Sign decision' });
  await expect(sign).toBeEnabled();

  // Judge every clinician-judgment criterion as letting the candidate through, with a note.
  const reviewItems = form
    .getByRole('article')
    .filter({ has: page.getByRole('group', { name: 'Clinician judgment' }) });
  const count = await reviewItems.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const item = reviewItems.nth(i);
    const heading = await item.getByRole('heading', { level: 3 }).innerText();
    await item.getByRole('radio', { name: heading.startsWith('Inclusion') ? 'Met' : 'Not met', exact: true }).check();
    await item.getByLabel('Note').fill('Reviewed at the screening visit with the candidate and the referral notes.');
  }

  await form.getByRole('radio', { name: 'Eligible', exact: true }).check();
  await expect(form.getByLabel('Meaning of this signature')).toHaveValue('Eligibility confirmed');
  // Nothing is left unknown or failing, so no override is asked for.
  await expect(form.getByText(/Before you can confirm eligibility/)).toHaveCount(0);
  await form.getByLabel('Your password').fill(account('CLINICIAN').password);
  await sign.click();

  const signature = page.getByRole('region', { name: 'Electronic signature' });
  await expect(signature).toBeVisible();
  await expect(signature).toContainText(account('CLINICIAN').name);
  await expect(signature).toContainText('Eligibility confirmed');
  await expect(signature.getByText('Signature verified')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Overall result' }).getByText('Eligible', { exact: true }),
  ).toBeVisible();
  // Signed checks are read-only.
  await expect(page.getByRole('button', { name: 'Sign decision' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Clinician judgment' })).toHaveCount(0);

  const clinicianId = await userIdOf(account('CLINICIAN').email);
  const [check] = await queryDb<{
    signedAt: Date | null;
    decision: string | null;
    signedById: string | null;
    signerName: string | null;
    contentHash: string | null;
    trialId: string;
  }>(
    `SELECT "signedAt", decision, "signedById", "signerName", "contentHash", "trialId" FROM "EligibilityCheck" WHERE id = $1`,
    [checkId],
  );
  expect(check.signedAt).not.toBeNull();
  expect(check.decision).toBe('ELIGIBLE');
  expect(check.signedById).toBe(clinicianId);
  expect(check.signerName).toBe(account('CLINICIAN').name);
  expect(check.contentHash).toBeTruthy();

  const [entry] = await queryDb<{ stage: string }>(
    `SELECT stage FROM "PipelineEntry" WHERE "candidateId" = $1 AND "trialId" = $2`,
    [candidateId, check.trialId],
  );
  expect(entry.stage).toBe('ELIGIBLE');

  const events = await queryDb<{ actorId: string }>(
    `SELECT "actorId" FROM "AuditEvent" WHERE action = 'eligibility.sign' AND "entityId" = $1`,
    [checkId],
  );
  expect(events).toEqual([{ actorId: clinicianId }]);
});

test('[CLINICIAN] a wrong password does not sign', async ({ page, browser, baseURL, signInAs }) => {
  const { candidateId, checkId, trialId } = await preparePendingReviewCheck(browser, baseURL);
  await signInAs('CLINICIAN');
  await page.goto(`/candidates/${candidateId}/eligibility/${checkId}`);

  const form = page.getByRole('form', { name: 'Review and sign' });
  const sign = form.getByRole('button', { name: 'Sign decision' });
  await expect(sign).toBeEnabled();
  await form.getByRole('radio', { name: 'Not eligible', exact: true }).check();
  await expect(form.getByLabel('Meaning of this signature')).toHaveValue('Not eligible');
  await form.getByLabel('Your password').fill('Not-The-Right-Password-1');
  await sign.click();

  await expect(
    form.getByRole('alert').filter({ hasText: 'The password is not correct. The signature was not recorded.' }),
  ).toBeVisible();
  await expect(form.getByLabel('Your password')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Electronic signature' })).toHaveCount(0);
  await expect(sign).toBeVisible();

  const [check] = await queryDb<{ signedAt: Date | null; decision: string | null; overall: string }>(
    `SELECT "signedAt", decision, overall FROM "EligibilityCheck" WHERE id = $1`,
    [checkId],
  );
  expect(check).toEqual({ signedAt: null, decision: null, overall: 'PENDING_REVIEW' });
  const [entry] = await queryDb<{ stage: string }>(
    `SELECT stage FROM "PipelineEntry" WHERE "candidateId" = $1 AND "trialId" = $2`,
    [candidateId, trialId],
  );
  expect(entry.stage).toBe('AWAITING_REVIEW');
  const signed = await queryDb(`SELECT id FROM "AuditEvent" WHERE action = 'eligibility.sign' AND "entityId" = $1`, [
    checkId,
  ]);
  expect(signed).toHaveLength(0);

  // Leave the account's failed-attempt count where it was: a correct signature resets it.
  await form.getByLabel('Your password').fill(account('CLINICIAN').password);
  await sign.click();
  await expect(page.getByRole('region', { name: 'Electronic signature' })).toContainText('Not eligible');
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NOTE = 'Reviewed with the candidate and the referral letter at the screening visit (fictional).';
/** The zone the clinic's times are shown in: its settings (decision 0039); the browser below is elsewhere on purpose. */
async function clinicZone(): Promise<string> {
  const [row] = await queryDb<{ timeZone: string }>(`SELECT "timeZone" FROM "ClinicSettings" WHERE id = 'clinic'`);
  return row.timeZone;
}

type QueueItem = {
  checkId: string;
  firstName: string;
  lastName: string;
  href: string;
  checkedAt: string;
  status: { overall: string; needsReview: number; criteria: number };
};

test.describe('review drafts and the review queue', () => {
  // A browser far from the clinic: times must still be the clinic's.
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('[CLINICIAN] the review queue lists checks awaiting a decision, oldest first, and opens the check', async ({
    page,
    browser,
    baseURL,
    signInAs,
  }) => {
    const { checkId } = await preparePendingReviewCheck(browser, baseURL);
    await signInAs('CLINICIAN');
    await page.goto('/review');
    await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

    const api = await page.request.get('/api/v1/review-queue');
    expect(api.status()).toBe(200);
    const { items } = (await api.json()) as { items: QueueItem[] };
    const item = items.find((entry) => entry.checkId === checkId);
    expect(item?.status).toMatchObject({ overall: 'PENDING_REVIEW' });
    expect(item?.status.needsReview).toBeGreaterThan(0);
    expect([...items.map((entry) => entry.checkedAt)].sort()).toEqual(items.map((entry) => entry.checkedAt));

    const table = page.getByRole('table', { name: /awaiting a clinician/i });
    const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
    await expect(rows).toHaveCount(items.length);
    const hrefs = await rows.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(items.map((entry) => entry.href));

    const row = rows.filter({
      has: page.getByRole('link', { name: new RegExp(`${item?.lastName}, ${item?.firstName}`) }),
    });
    await expect(row).toContainText('Pending review');
    await expect(row).toContainText(`${item?.status.needsReview} of ${item?.status.criteria} items need review`);
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/eligibility/${checkId}$`));
    await expect(page.getByRole('form', { name: 'Review and sign' })).toBeVisible();
  });

  test('[CLINICIAN] saves a review draft, reloads, signs', async ({ page, browser, baseURL, signInAs }) => {
    const { candidateId, checkId } = await preparePendingReviewCheck(browser, baseURL);
    await signInAs('CLINICIAN');
    await page.goto(`/candidates/${candidateId}/eligibility/${checkId}`);
    const form = page.getByRole('form', { name: 'Review and sign' });
    await expect(form.getByRole('button', { name: 'Sign decision' })).toBeEnabled();
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

    const reviewItems = form
      .getByRole('article')
      .filter({ has: page.getByRole('group', { name: 'Clinician judgment' }) });
    const count = await reviewItems.count();
    expect(count).toBeGreaterThan(1);
    const notes = reviewItems.getByRole('textbox', { name: 'Note' });

    // Confirming eligibility needs every clinician-judgment item judged with a note: all marked required.
    await form.getByRole('radio', { name: 'Eligible', exact: true }).check();
    for (let i = 0; i < count; i += 1) await expect(notes.nth(i)).toHaveAttribute('aria-required', 'true');

    // One judgment and note for all inclusions, another for all exclusions, each applied to several at once.
    const bulk = form.getByRole('region', { name: 'Same judgment for several criteria' });
    for (const [kind, answer] of [
      ['Inclusion', 'Met'],
      ['Exclusion', 'Not met'],
    ] as const) {
      let selected = 0;
      for (let i = 0; i < count; i += 1) {
        const item = reviewItems.nth(i);
        const heading = await item.getByRole('heading', { level: 3 }).innerText();
        if (!heading.startsWith(kind)) continue;
        await item.getByRole('checkbox', { name: `Select ${heading} for a shared judgment` }).check();
        selected += 1;
      }
      if (selected === 0) continue;
      await bulk.getByRole('radio', { name: answer, exact: true }).check();
      await bulk.getByRole('textbox', { name: 'Note for the selected' }).fill(NOTE);
      await bulk.getByRole('button', { name: `Apply to ${selected} selected` }).click();
      await expect(bulk).toContainText(`${answer} applied to ${selected}`);
    }
    await expect(form.getByText(`${count} of ${count} clinician-judgment criteria judged.`)).toBeVisible();

    // Saved on the server as it goes; "Save draft" saves at once.
    await form.getByRole('button', { name: 'Save draft' }).click();
    const status = form.getByRole('status').filter({ hasText: 'Draft saved' });
    await expect(status).toBeVisible();
    const draft = (await (await page.request.get(`/api/v1/eligibility/checks/${checkId}`)).json()).draft as {
      savedAt: string;
      content: { judgments: unknown[] };
    };
    expect(draft.content.judgments).toHaveLength(count);
    const clinicTime = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: await clinicZone(),
    }).format(new Date(draft.savedAt));
    await expect(status).toContainText(`Draft saved ${clinicTime}`);

    await page.reload();
    await expect(form.getByRole('button', { name: 'Sign decision' })).toBeEnabled();
    await expect(form.getByRole('radio', { name: 'Eligible', exact: true })).toBeChecked();
    await expect(form.getByLabel('Meaning of this signature')).toHaveValue('Eligibility confirmed');
    for (let i = 0; i < count; i += 1) {
      const item = reviewItems.nth(i);
      const heading = await item.getByRole('heading', { level: 3 }).innerText();
      await expect(
        item.getByRole('radio', { name: heading.startsWith('Inclusion') ? 'Met' : 'Not met', exact: true }),
      ).toBeChecked();
      await expect(item.getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
    }
    await expect(form.getByRole('status').filter({ hasText: `Draft saved ${clinicTime}` })).toBeVisible();

    await form.getByLabel('Your password').fill(account('CLINICIAN').password);
    await form.getByRole('button', { name: 'Sign decision' }).click();
    await expect(page.getByRole('region', { name: 'Electronic signature' })).toContainText('Eligibility confirmed');

    // The summary counts the signed review: nothing is left needing review.
    const counts = page.getByRole('list', { name: 'Criteria by result after review' });
    await expect(counts.getByRole('listitem').filter({ hasText: 'Needs review' })).toHaveText('Needs review: 0');
    const drafts = await queryDb<{ actorId: string }>(
      `SELECT "actorId" FROM "AuditEvent" WHERE action = 'eligibility.review_draft_saved' AND "entityId" = $1`,
      [checkId],
    );
    expect(drafts.length).toBeGreaterThan(0);

    // Decided: no longer in the queue.
    const queue = (await (await page.request.get('/api/v1/review-queue')).json()) as { items: QueueItem[] };
    expect(queue.items.map((entry) => entry.checkId)).not.toContain(checkId);
  });
});
