import { expect, test } from './fixtures';

// The idle sign-out in the browser, with Playwright's clock in place of 14 minutes of waiting.
// The warning's dialog is not in the page's first load (decision 0045): this checks that it
// still arrives, takes focus and keeps the session, and that the sign-out still happens.

test('[COORDINATOR] is warned a minute before the idle sign-out, can stay signed in, and is signed out when the time runs out', async ({
  page,
  signInAs,
}) => {
  await signInAs('COORDINATOR');
  await page.clock.install();
  await page.goto('/candidates');
  await expect(page.locator('main#main')).toBeVisible();

  await page.clock.fastForward('14:01');
  const warning = page.getByRole('alertdialog', { name: /You will be signed out in \d+ seconds/ });
  await expect(warning).toBeVisible();
  const stay = warning.getByRole('button', { name: 'Stay signed in' });
  await expect(stay).toBeFocused();
  await stay.click();
  await expect(warning).toBeHidden();
  // Staying kept the session: the page still answers as the coordinator.
  await page.clock.fastForward('01:00');
  await expect(warning).toBeHidden();

  await page.clock.fastForward('15:01');
  await expect(page).toHaveURL(/\/signin\?reason=idle/);
});
