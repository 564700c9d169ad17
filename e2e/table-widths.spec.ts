import type { Page } from '@playwright/test';
import { expect, runFactory, test } from './fixtures';
import type { DemoRole } from './support';

// Issue 15: tables fit a 1280 px screen (and a 1024 px tablet), so nobody has to
// scroll sideways to see a row's last columns. Each page with a table, as a role
// that can open it, with the seeded demo data.

type TablePage = { role: DemoRole; path: () => Promise<string> };

const trialPath = async () => `/trials/${(await runFactory<{ id: string }>('trial', { nctId: 'NCT06668571' })).id}`;

const TABLE_PAGES: TablePage[] = [
  { role: 'COORDINATOR', path: async () => '/' },
  { role: 'COORDINATOR', path: async () => '/candidates' },
  { role: 'COORDINATOR', path: async () => '/trials' },
  { role: 'COORDINATOR', path: trialPath },
  { role: 'COORDINATOR', path: async () => '/schedule' },
  { role: 'COORDINATOR', path: async () => '/outcomes' },
  { role: 'COORDINATOR', path: async () => '/outcomes/due' },
  { role: 'CLINICIAN', path: async () => '/review' },
  { role: 'CLINICIAN', path: async () => '/drug-inventory' },
  { role: 'ADMIN', path: async () => '/admin/users' },
  { role: 'ADMIN', path: async () => '/admin/audit' },
];

/** How far the page, and each table's own scroll box, reach past the visible width (px). */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const scrollBoxOf = (element: Element): Element | null => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return node;
      }
      return null;
    };
    const root = document.documentElement;
    const tables = [...document.querySelectorAll('table')].map((table, index) => {
      const box = scrollBoxOf(table);
      const name = table.querySelector('caption')?.textContent?.trim() || `table ${index + 1}`;
      const overflow = box ? box.scrollWidth - box.clientWidth : table.getBoundingClientRect().right - root.clientWidth;
      return { name, overflow: Math.max(0, Math.round(overflow)) };
    });
    return { page: Math.max(0, root.scrollWidth - root.clientWidth), tables };
  });
}

for (const width of [1280, 1024]) {
  test(`[ALL ROLES] every table page fits ${width} px without sideways scrolling`, async ({ page, signInAs }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    let tablesSeen = 0;
    let signedInAs: DemoRole | null = null;
    for (const entry of TABLE_PAGES) {
      if (signedInAs !== entry.role) {
        await page.context().clearCookies();
        await signInAs(entry.role);
        signedInAs = entry.role;
      }
      const path = await entry.path();
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await overflowOf(page);
      tablesSeen += overflow.tables.length;
      if (overflow.page > 0) problems.push(`${path}: the page is ${overflow.page} px wider than the window`);
      for (const table of overflow.tables)
        if (table.overflow > 0)
          problems.push(`${path}: "${table.name}" needs ${table.overflow} px of sideways scrolling`);
    }
    expect(problems).toEqual([]);
    // The pages did show their tables (a page that failed to render would pass vacuously).
    expect(tablesSeen).toBeGreaterThanOrEqual(TABLE_PAGES.length);
  });
}
