import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** The pages of issue 17 item 9, as the demo's lead sees them. */
const PAGES: Array<{ name: string; path: string; ready: (page: Page) => Promise<void> }> = [
  { name: 'documents list', path: '/projects/1', ready: async (p) => void (await p.getByRole('table').first().waitFor()) },
  { name: 'coding editor', path: '/projects/1/documents/7', ready: async (p) => void (await p.locator('[data-testid=margin-stripes] .stripe').first().waitFor()) },
  { name: 'agreement', path: '/projects/1/agreement', ready: async (p) => void (await p.locator('main').waitFor()) },
  { name: 'review', path: '/projects/1/agreement/review', ready: async (p) => void (await p.locator('main').waitFor()) },
  { name: 'frequencies', path: '/projects/1/analysis', ready: async (p) => void (await p.locator('main').waitFor()) },
];

for (const { name, path, ready } of PAGES) {
  test(`axe: no critical or serious violation on the ${name}`, async ({ page }) => {
    await signIn(page, 'lead@demo.test');
    await page.goto(path);
    await ready(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const grave = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    const summary = grave.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    console.log(`${name}: ${violations.length} violations (${violations.map((v) => `${v.id}/${v.impact}`).join(', ')})`);
    expect(summary).toEqual([]);
  });
}
