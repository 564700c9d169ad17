import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, runFactory, signInPageAs, test } from './fixtures';
import { account, checkInWithVitals, type DemoRole, queryDb } from './support';

// The whole story of issue 15, each stage as the role that does it in a clinic: referral → screening form →
// check → signed decision → consent with the PDF → enrolment with a subject ID → series booking → infusion day →
// outcomes. Every role signs in by cookie in a browser context of its own; rows are found by label and role.
// NCT06419439 is used because it is not masked (the dose is visible) and every arm doses 0.5 mg/kg; its
// weight basis is a clinic assumption that blocks the dose until an admin confirms it (a story step).
const TRIAL_NCT_ID = 'NCT06419439';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIGNED_PDF = Buffer.from('%PDF-1.4\n% fictional signed consent form for the full-story e2e test\n%%EOF\n');
// The link's ", session 1" is screen-reader text (absolutely positioned, so a separate block in the name).
const SESSION_1_LINK = /^Infusion day\s*, session 1$/;
const NOTE = 'Discussed at the screening visit with the candidate and the referral letter (fictional).';

/** Axe on the whole page, reported as "rule: nodes" so a failure names what to fix. */
async function expectNoAxeViolations(page: Page) {
  // A form's router.refresh() re-renders the page head: checked mid-refresh, the document can be
  // without its <title> for an instant (axe "document-title", seen once in four runs). Check the
  // settled page: it has its title again.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
}

/** A page signed in as the demo account of `role`, in a fresh browser context (its own cookies). */
async function pageAs(browser: Browser, baseURL: string | undefined, role: DemoRole) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInPageAs(page, role);
  return { context, page };
}

/** One screening-form field (a fieldset named by the measure's label), filled as a coordinator would. */
type Fill = (group: Locator) => Promise<void>;
const value =
  (text: string): Fill =>
  (group) =>
    group.getByRole('textbox', { name: /^(Value|Result)/ }).fill(text);
const lab =
  (result: string, uln: string): Fill =>
  async (group) => {
    await group.getByRole('textbox', { name: /^Result/ }).fill(result);
    await group.getByRole('textbox', { name: 'ULN' }).fill(uln);
  };
const choose =
  (answer: 'Yes' | 'No' | 'Present' | 'Absent'): Fill =>
  (group) =>
    group.getByRole('radio', { name: answer, exact: true }).check();

// Everything NCT06419439's structured criteria read, none of it ruling the candidate out.
const SCREENING: Record<string, Fill> = {
  'Pain NRS': value('7'),
  'PROMIS Pain Interference T-score': value('64.5'),
  'QIDS-SR total': value('15'),
  'Blood pressure': (group) => group.getByRole('textbox', { name: /^Systolic\/diastolic/ }).fill('130/85'),
  ALT: lab('30', '40'),
  AST: lab('28', '40'),
  'Direct bilirubin': lab('0.2', '0.3'),
  'Alkaline phosphatase': lab('90', '120'),
  Creatinine: lab('0.9', '1.2'),
  'Chronic low back pain': choose('Present'),
  Cirrhosis: choose('Absent'),
  'Unstable cardiac condition': choose('Absent'),
  Veteran: choose('Yes'),
  'Adult driver available': choose('Yes'),
  'Speaks English': choose('Yes'),
  'Able to consent': choose('Yes'),
};

test('[ALL ROLES] the full story: referral to outcomes', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const trial = await runFactory<{ id: string }>('trial', { nctId: TRIAL_NCT_ID });
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const person = { firstName: 'Storyta', lastName: `Notarealperson${token}` };
  const listName = `${person.lastName}, ${person.firstName}`;
  const consentLabel = `v2.${token} (e2e story, fictional)`;
  const contexts: BrowserContext[] = [];
  const as = async (role: DemoRole) => {
    const signedIn = await pageAs(browser, baseURL, role);
    contexts.push(signedIn.context);
    return signedIn.page;
  };
  let candidateUrl = '';
  let clinicToday = '';

  try {
    await test.step('[ADMIN] adds the approved consent form version and confirms the weight basis', async () => {
      const page = await as('ADMIN');
      await page.goto(`/trials/${trial.id}#consent-and-subject-ids`);
      const section = page.getByRole('region', { name: 'Consent forms and subject IDs' });
      await section.getByLabel('Version label').fill(consentLabel);
      await section.getByLabel('IRB approval date').fill('2026-01-15');
      await section.getByRole('button', { name: 'Add consent form version' }).click();
      await expect(section.getByText(`Consent form ${consentLabel} added.`)).toBeVisible();
      await expectNoAxeViolations(page);

      // The dose is blocked until the assumed weight basis (actual body weight) is confirmed, arm by arm.
      const panel = page.getByRole('region', { name: 'Assumptions' });
      const confirm = panel.getByRole('button', { name: /^Confirm the assumption: .* · weight basis$/ });
      for (let remaining = await confirm.count(); remaining > 0; remaining -= 1) {
        await confirm.first().click();
        await expect(confirm).toHaveCount(remaining - 1);
      }
    });

    await test.step('[COORDINATOR] logs the referral and moves it to pre-screening', async () => {
      const page = await as('COORDINATOR');
      await page.goto('/candidates/new');
      const form = page.getByRole('form', { name: 'New referral' });
      await expect(form.getByLabel('Referral date')).not.toHaveValue('');
      await form.getByLabel('First name').fill(person.firstName);
      await form.getByLabel('Last name').fill(person.lastName);
      await form.getByLabel('Date of birth').fill('1979-06-14');
      await form.getByLabel('Sex').selectOption('male');
      await form.getByLabel('MRN').fill(`E2E-STORY-${token.toUpperCase()}`);
      await form.getByLabel('Phone').fill('(212) 555-0199');
      await form.getByLabel('Add to trial').selectOption(trial.id);
      await form.getByRole('button', { name: 'Save referral' }).click();
      await expect(page.getByText('Referral saved.')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: listName })).toBeVisible();
      candidateUrl = new URL(page.url()).pathname;

      await page.getByRole('button', { name: 'Move to Contacted' }).click();
      await expect(page.getByText(/Moved to Contacted/)).toBeVisible();
      await page.getByRole('button', { name: 'Move to Pre-screening' }).click();
      await expect(page.getByText(/Moved to Pre-screening/)).toBeVisible();

      await test.step('[COORDINATOR] enters screening in the trial form and runs the check', async () => {
        await page
          .getByRole('region', { name: 'Screening data and eligibility' })
          .getByRole('link', { name: 'Enter screening data' })
          .click();
        await expect(page.getByRole('heading', { level: 1, name: 'Enter screening data' })).toBeVisible();
        const form = page.getByRole('form', { name: /^Screening for / });
        const save = form.getByRole('button', { name: /^Save .* screening$/ });
        await expect(save).toBeEnabled();
        clinicToday = await form.getByLabel('Date measured').inputValue();
        expect(clinicToday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await expectNoAxeViolations(page);

        // "13085" is refused on the field, never stored as a systolic of 13085.
        const bp = form.getByRole('group', { name: 'Blood pressure', exact: true });
        await bp.getByRole('textbox', { name: /^Systolic\/diastolic/ }).fill('13085');
        await save.click();
        await expect(bp).toContainText('no slash between the two values');

        // The trial's rules do not read weight, so today's weight, in lb, goes in the free entry below the form.
        const other = page.getByRole('form', { name: 'Enter screening data' });
        const weight = other.getByRole('group', { name: 'Measurement 1', exact: true });
        await weight.getByRole('combobox', { name: 'Measure' }).selectOption('weight_kg');
        await weight.getByLabel('Value').fill('181');
        await weight.getByLabel('Unit').selectOption('lb');
        await other.getByRole('button', { name: 'Save measurements' }).click();
        await expect(other.getByText('Saved 1 measurement.')).toBeVisible();

        const legends = await form.locator('ol > li > fieldset > legend').allInnerTexts();
        const unknown = legends.filter((legend) => !(legend in SCREENING));
        expect(unknown, 'every measure the trial form asks for has a value in this story').toEqual([]);
        for (const [label, fill] of Object.entries(SCREENING)) {
          await fill(form.getByRole('group', { name: label, exact: true }));
        }
        await save.click();
        await expect(form.getByText(/^Saved \d+ values\.$/)).toBeVisible();
        await expect(bp).toContainText('130/85 mmHg');

        await form.getByRole('button', { name: /Run eligibility check/ }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Eligibility check' })).toBeVisible();
        const overall = page.getByRole('region', { name: 'Overall result' });
        await expect(overall.getByText('Pending review', { exact: true })).toBeVisible();
        await expectNoAxeViolations(page);

        // The check waits for a clinician: the coordinator hands it over. The weight was stored in kg.
        await page.goto(candidateUrl);
        await expect(
          page.getByRole('region', { name: 'Screening data and eligibility' }).getByRole('row', { name: /Weight/ }),
        ).toContainText(/82\.1\d* kg/);
        await page.getByRole('button', { name: 'Move to Awaiting review' }).click();
        await expect(page.getByText(/Moved to Awaiting review/)).toBeVisible();
      });
    });

    await test.step('[CLINICIAN] opens the check from the review queue, saves a draft, reloads, signs', async () => {
      const page = await as('CLINICIAN');
      await page.goto('/review');
      await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
      const row = page
        .getByRole('table', { name: /awaiting a clinician/i })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: new RegExp(listName) }) });
      await expect(row).toContainText('Pending review');
      await expectNoAxeViolations(page);
      await row.getByRole('link', { name: new RegExp(listName) }).click();

      const form = page.getByRole('form', { name: 'Review and sign' });
      await expect(form.getByRole('button', { name: 'Sign decision' })).toBeEnabled();
      await expectNoAxeViolations(page);
      const items = form.getByRole('article').filter({ has: page.getByRole('group', { name: 'Clinician judgment' }) });
      const count = await items.count();
      expect(count).toBeGreaterThan(1);

      // One judgment for all inclusions, another for all exclusions, applied at once and each still explicit.
      const bulk = form.getByRole('region', { name: 'Same judgment for several criteria' });
      const headings = await items.getByRole('heading', { level: 3 }).allInnerTexts();
      for (const [kind, answer] of [
        ['Inclusion', 'Met'],
        ['Exclusion', 'Not met'],
      ] as const) {
        const selected = headings.filter((heading) => heading.startsWith(kind));
        if (selected.length === 0) continue;
        for (const heading of selected) {
          await form.getByRole('checkbox', { name: `Select ${heading} for a shared judgment` }).check();
        }
        await bulk.getByRole('radio', { name: answer, exact: true }).check();
        await bulk.getByRole('textbox', { name: 'Note for the selected' }).fill(NOTE);
        await bulk.getByRole('button', { name: `Apply to ${selected.length} selected` }).click();
        await expect(bulk).toContainText(`${answer} applied to ${selected.length}`);
      }
      await expect(form.getByText(`${count} of ${count} clinician-judgment criteria judged.`)).toBeVisible();
      await form.getByRole('radio', { name: 'Eligible', exact: true }).check();
      await form.getByRole('button', { name: 'Save draft' }).click();
      await expect(form.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

      await page.reload();
      await expect(form.getByRole('button', { name: 'Sign decision' })).toBeEnabled();
      await expect(form.getByRole('radio', { name: 'Eligible', exact: true })).toBeChecked();
      await expect(items.getByRole('textbox', { name: 'Note' })).toHaveCount(count);
      for (const note of await items.getByRole('textbox', { name: 'Note' }).all()) await expect(note).toHaveValue(NOTE);
      // Nothing structured is unknown or failing, so no override is asked for.
      await expect(form.getByText(/Before you can confirm eligibility/)).toHaveCount(0);

      await form.getByLabel('Your password').fill(account('CLINICIAN').password);
      await form.getByRole('button', { name: 'Sign decision' }).click();
      const signature = page.getByRole('region', { name: 'Electronic signature' });
      await expect(signature).toContainText('Eligibility confirmed');
      await expect(signature.getByText('Signature verified')).toBeVisible();
      await expect(
        page.getByRole('list', { name: 'Criteria by result after review' }).getByRole('listitem').filter({
          hasText: 'Needs review',
        }),
      ).toHaveText('Needs review: 0');

      // Decided: it leaves the queue.
      await page.goto('/review');
      await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
      await expect(page.getByRole('link', { name: new RegExp(listName) })).toHaveCount(0);
    });

    await test.step('[COORDINATOR] records consent with the approved version and the signed PDF, then enrols', async () => {
      const page = await as('COORDINATOR');
      await page.goto(candidateUrl);
      const card = page.getByRole('region', { name: /Ketamine \+ narrative intervention/ });
      await expect(card.getByText('Eligible', { exact: true }).first()).toBeVisible();

      await card.getByRole('button', { name: 'Record consent' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Consent form version').selectOption({ label: consentLabel });
      await dialog.getByRole('button', { name: 'Record consent' }).click();
      await expect(page.getByText(/Moved to Consented/)).toBeVisible();

      const consent = card.getByRole('region', { name: 'Consent' });
      await expect(consent).toContainText(consentLabel);
      await consent
        .getByLabel('Signed consent form (PDF)')
        .setInputFiles({ name: 'signed-consent-story.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
      await consent.getByRole('button', { name: 'Attach signed form' }).click();
      await expect(consent.getByText('Signed form attached.')).toBeVisible();
      await expect(consent.getByRole('link', { name: 'signed-consent-story.pdf' })).toBeVisible();
      await expectNoAxeViolations(page);

      await card.getByRole('button', { name: 'Enrol' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Enrol' }).click();
      await expect(page.getByText(/Moved to Enrolled/)).toBeVisible();
      await expect(card.getByText(/^CLBP-\d{3}$/)).toBeVisible();
      await expectNoAxeViolations(page);
    });

    let visitHref = '';
    let isFirstSessionToday = false;
    await test.step('[COORDINATOR] books the infusion series from today, accepting the proposal', async () => {
      const page = contexts.at(-1)!.pages()[0];
      const schedule = page.getByRole('region', { name: 'Infusion schedule' });
      await schedule.getByRole('link', { name: 'Book series' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Schedule: ${listName}` })).toBeVisible();

      const propose = page.getByRole('form', { name: 'Propose a series' });
      await propose.getByLabel('Start date').fill(clinicToday);
      await propose.getByRole('button', { name: 'Propose' }).click();
      const proposal = page.getByRole('list', { name: 'Proposed sessions' });
      await expect(proposal.getByRole('listitem')).toHaveCount(4);
      await expect(proposal.getByText('Conflict')).toHaveCount(0);
      await page.getByRole('button', { name: 'Book series' }).click();
      await expect(page.getByText('Series booked: 4 sessions.')).toBeVisible();

      await page.goto(candidateUrl);
      const first = schedule.getByRole('link', { name: SESSION_1_LINK });
      visitHref = (await first.getAttribute('href')) ?? '';
      expect(visitHref).toMatch(/^\/visits\/[^/]+$/);
      // The row shows the session's clinic day ("Fri 2026-12-04 13:30").
      isFirstSessionToday = (
        await schedule
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: SESSION_1_LINK }) })
          .innerText()
      ).includes(clinicToday);
    });

    await test.step('[CLINICIAN] infusion day of session 1: check-in, vitals, dose, administration, discharge', async () => {
      const visitId = visitHref.split('/').at(-1)!;
      // Check-in opens only on the visit's clinic day. Booked after the clinic's last free slot of the day (or
      // on a closed day), session 1 is on a later day: then, as e2e/infusions.spec.ts does, the booked visit is
      // moved to now in the test database (fixture setup of the clock only; the visit itself came from the UI).
      if (!isFirstSessionToday) {
        await queryDb(
          `UPDATE "Visit" SET "scheduledAt" = now() - interval '5 minutes', "endsAt" = now() - interval '5 minutes' + ("durationMin" * interval '1 minute'), version = version + 1 WHERE id = $1`,
          [visitId],
        );
      }

      const page = await as('CLINICIAN');
      await page.goto(candidateUrl);
      await page.getByRole('region', { name: 'Infusion schedule' }).getByRole('link', { name: SESSION_1_LINK }).click();
      await expect(page.getByRole('heading', { level: 1, name: /^Infusion day:/ })).toBeVisible();

      await checkInWithVitals(page, { sbp: '126', dbp: '80', hr: '70', spo2: '98' });

      // 0.5 mg/kg × 82 kg = 41 mg, then the e-signature.
      const calculate = page.getByRole('form', { name: 'Calculate the dose' });
      await calculate.getByLabel("Today's weight (kg)").fill('82');
      await calculate.getByRole('button', { name: 'Calculate dose' }).click();
      await expect(page.getByRole('region', { name: 'Calculated dose' })).toContainText('41 mg');
      const verify = page.getByRole('form', { name: 'Verify the dose' });
      await verify.getByLabel('Your password').fill(account('CLINICIAN').password);
      await verify.getByRole('button', { name: 'Verify dose' }).click();
      await expect(page.getByRole('region', { name: 'Verified dose' })).toContainText('41 mg');

      const administration = page.getByRole('form', { name: 'Record the administration' });
      await administration.getByLabel('Administered dose (mg)').fill('41');
      await administration.getByLabel('Lot number').fill(`LOT-STORY-${token.toUpperCase()}`);
      await administration.getByRole('button', { name: 'Record administration' }).click();
      await expect(page.getByText(`LOT-STORY-${token.toUpperCase()}`)).toBeVisible();

      const post = page.getByRole('form', { name: 'Vitals at a timepoint' });
      await post.getByLabel('Timepoint').selectOption('POST');
      await post.getByLabel('Systolic BP (mmHg)').fill('132');
      await post.getByLabel('Diastolic BP (mmHg)').fill('84');
      await post.getByLabel('Heart rate (bpm)').fill('76');
      await post.getByLabel('SpO2 (%)').fill('97');
      await post.getByRole('button', { name: 'Save vitals' }).click();
      await expect(page.getByRole('cell', { name: '132/84' })).toBeVisible();

      // The policy (lib/infusions/discharge-policy.ts) waits for the infusion's end, the monitoring time after it,
      // post vitals and the CADSS the trial plans after each session. Stopped now (the stop time left empty), the
      // monitoring time has not passed, so the discharge is refused; the clinician discharges early with a reason,
      // which is recorded as a protocol deviation.
      const discharge = page.getByRole('form', { name: 'Discharge' });
      await expect(discharge.getByText('Not ready for discharge yet')).toBeVisible();
      await expect(discharge).toContainText('Record the post-infusion CADSS');
      await discharge.getByLabel('The adult driver is present to take the participant home').check();
      await discharge.getByRole('button', { name: 'Discharge', exact: true }).click();
      await expect(discharge.getByText(/Not yet: .*Monitoring ends at/)).toBeVisible();
      await discharge.getByLabel(/Discharge early/).check();
      await discharge
        .getByLabel('Why the participant leaves early')
        .fill('Fictional story: the end-to-end test cannot wait out the monitoring time');
      await discharge.getByRole('button', { name: 'Discharge early' }).click();
      await expect(page.getByText('Discharged; adult driver present: yes.')).toBeVisible();
      await expect(page.getByText(/Early discharge \(protocol deviation\)/)).toBeVisible();
    });

    await test.step('[CLINICIAN] records the baseline pain NRS and sees it on the outcomes page', async () => {
      const page = contexts.at(-1)!.pages()[0];
      await page.goto(candidateUrl);
      await page
        .getByRole('link', { name: /^Outcomes and questionnaires/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 1, name: /^Outcomes: / })).toBeVisible();
      const form = page.getByRole('form', { name: 'Record questionnaire' });
      await expect(form.getByLabel('Administered at')).not.toHaveValue('');
      await form.getByLabel('Instrument').selectOption('NRS');
      await form.getByLabel('Timepoint').selectOption('BASELINE');
      await form
        .getByLabel('1. Pain intensity (0 = no pain, 10 = worst imaginable)', { exact: true })
        .selectOption('7');
      await expect(form.getByRole('status').filter({ hasText: 'Score preview' })).toContainText('Total 7 · severe');
      await form.getByRole('button', { name: 'Save questionnaire' }).click();
      await expect(form.getByText(/^Saved .*\(Baseline\): total 7 \(severe\)\./)).toBeVisible();

      const scores = page.getByRole('region', { name: 'NRS scores', exact: true });
      await expect(scores.getByRole('row', { name: /^Baseline .* 7 severe/ })).toBeVisible();
      const plan = page.getByRole('region', { name: 'Assessment plan' }).getByRole('table');
      await expect(plan.getByRole('row', { name: /^NRS Baseline / })).toContainText('Done');
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});
