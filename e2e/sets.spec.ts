import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Screenshots for a person to look at, when SHOTS_DIR names a folder.
const shot = async (page: Page, name: string) => {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  // a tall window rather than fullPage, which repeats the sticky header
  await page.setViewportSize({ width: 1280, height: Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight)) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, name) });
  await page.setViewportSize({ width: 1280, height: 720 });
};

const MEMBERS = ['Courts and prosecutors', 'Online petitions'];

test('a lead makes a code set; the analysis filtered by it shows only its codes, with the counts they had, in the table and the CSV', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.waitForURL(/\/projects\/\d+$/);
  const projectUrl = page.url();

  // The counts without the set, to compare.
  await page.getByRole('link', { name: 'Analysis', exact: true }).click();
  const table = page.getByTestId('frequency-table');
  await expect(table).toBeVisible();
  const totals = async () => {
    const out: Record<string, string> = {};
    for (const row of await table.locator('tbody tr').all()) out[(await row.getAttribute('data-code'))!] = (await row.locator('td').last().innerText()).trim();
    return out;
  };
  const before = await totals();
  expect(Object.keys(before).length).toBeGreaterThan(MEMBERS.length);

  // The Sets tab: create the set, then tick its codes in the codebook tree.
  await page.getByRole('link', { name: 'Sets', exact: true }).click();
  await expect(page).toHaveURL(/\/sets$/);
  const codeSets = page.getByTestId('sets-code');
  await codeSets.getByTestId('new-set-code').fill('Institutions and petitions');
  await codeSets.getByRole('button', { name: 'Create' }).click();
  const card = codeSets.locator('details.set-card', { hasText: 'Institutions and petitions' });
  await expect(card).toHaveAttribute('open', '');
  for (const name of MEMBERS) {
    const box = card.getByRole('checkbox', { name, exact: true });
    await box.check();
    await expect(box).toBeChecked();
  }
  await expect(card.locator('summary')).toContainText('2 codes');
  // A document set too, so the analysis page shows both pickers.
  await page.getByTestId('new-set-document').fill('Almaty and Taraz');
  await page.getByTestId('sets-document').getByRole('button', { name: 'Create' }).click();
  const docCard = page.getByTestId('sets-document').locator('details.set-card', { hasText: 'Almaty and Taraz' });
  for (const name of ['FG01 Almaty — group 1', 'FG09 Taraz — group 1']) {
    await docCard.getByRole('checkbox', { name, exact: true }).check();
    await expect(docCard.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  await expect(docCard.locator('summary')).toContainText('2 documents');
  await expect(docCard.getByRole('button', { name: 'Rename' })).toBeEnabled(); // the last change has come back
  await shot(page, 'sets-screen.png');

  // The analysis by the code set: the set's codes are the only rows, their totals unchanged.
  await page.goto(`${projectUrl}/analysis`);
  await page.getByTestId('set-filter-code').selectOption({ label: 'Institutions and petitions (2)' });
  await expect(page).toHaveURL(/[?&]set=\d+/);
  await expect(table.locator('tbody tr')).toHaveCount(MEMBERS.length);
  const after = await totals();
  expect(Object.keys(after)).toEqual(MEMBERS);
  for (const name of MEMBERS) expect(after[name]).toBe(before[name]);
  await shot(page, 'sets-analysis.png');
  // With the document set as well: only its two groups' cities are columns, the counts those of FG01 and FG09.
  await page.getByTestId('set-filter-document').selectOption({ label: 'Almaty and Taraz (2)' });
  await expect(page).toHaveURL(/set=\d+.*set=\d+/);
  await expect(table.locator('thead')).toContainText('Almaty');
  await expect(table.locator('thead')).toContainText('Taraz');
  await expect(table.locator('thead')).not.toContainText('Kyzylorda');
  await shot(page, 'sets-analysis-both.png');
  await page.getByTestId('set-filter-document').selectOption('');
  await expect(page).not.toHaveURL(/set=\d+.*set=\d+/);

  // The CSV follows the URL: only the set's codes, and the set named in the notes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  const lines = fs.readFileSync((await download.path())!, 'utf8').slice(1).split('\r\n');
  expect(lines.filter((l) => l.startsWith('#')).join('\n')).toContain('code set: Institutions and petitions');
  const rows = lines.filter((l) => l && !l.startsWith('#')).slice(1);
  // the code rows, then the all-codes row and the denominators
  expect(rows.map((l) => l.split(',')[0])).toEqual([...MEMBERS, 'All codes', 'Participants (denominator)', 'Words spoken']);

  // The case matrix by the set: the set's codes as columns, and the SPSS file beside CSV and XLSX.
  await page.getByRole('link', { name: 'Case matrix', exact: true }).click();
  await expect(page).toHaveURL(/case-matrix/);
  await page.getByTestId('set-filter-code').selectOption({ label: 'Institutions and petitions (2)' });
  await expect(page).toHaveURL(/case-matrix\?.*set=\d+/);
  const matrix = page.getByTestId('case-matrix');
  await expect(matrix).toBeVisible();
  for (const name of MEMBERS) await expect(matrix.locator('thead')).toContainText(name);
  await expect(matrix.locator('thead')).not.toContainText('Deputies');
  const sav = page.getByTestId('download-sav');
  await expect(sav).toBeVisible();
  await expect(sav).toHaveAttribute('href', /format=sav.*set=\d+|set=\d+.*format=sav/);
  const savFile = await page.request.get((await sav.getAttribute('href'))!);
  expect(savFile.status()).toBe(200);
  expect((await savFile.body()).subarray(0, 4).toString('latin1')).toBe('$FL2');

  // The excerpt export by the code set: its links carry set=<id>, and the CSV holds only the set's codes.
  await page.goto(`${projectUrl}/export`);
  await page.getByTestId('export-set-code').selectOption({ label: 'Institutions and petitions (2)' });
  const csvLink = page.getByTestId('excerpt-export').locator('a[data-format="csv"]');
  await expect(csvLink).toHaveAttribute('href', /[?&]set=\d+/);
  await shot(page, 'sets-export.png');
  const excerpts = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(excerpts.status()).toBe(200);
  const text = (await excerpts.text()).replace(/^\uFEFF/, '');
  expect(text).toMatch(/Courts and prosecutors|Online petitions/);
  for (const other of ['Deputies', 'Akimat appeals and receptions', 'Telegram,']) expect(text).not.toContain(other);
  // the Markdown names the set among its filters
  const md = await page.request.get((await page.getByTestId('excerpt-export').locator('a[data-format="md"]').getAttribute('href'))!);
  expect(await md.text()).toContain('Code set: Institutions and petitions');

  if (process.env.SHOTS_DIR) {
    // The same screens in Russian.
    await page.context().addCookies([{ name: 'locale', value: 'ru', url: projectUrl }]);
    await page.goto(`${projectUrl}/sets`);
    await expect(page.getByRole('heading', { name: 'Наборы кодов' })).toBeVisible();
    await page.getByTestId('sets-code').locator('details.set-card summary').first().click();
    await shot(page, 'sets-screen-ru.png');
    await page.goto(`${projectUrl}/analysis`);
    await page.getByTestId('set-filter-code').selectOption({ label: 'Institutions and petitions (2)' });
    await expect(table.locator('tbody tr')).toHaveCount(MEMBERS.length);
    await shot(page, 'sets-analysis-ru.png');
  }
});

test('a coder sees no Sets tab and cannot open the screen', async ({ page }) => {
  await signIn(page, 'coder1@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.waitForURL(/\/projects\/\d+$/);
  await expect(page.getByRole('link', { name: 'Sets', exact: true })).toHaveCount(0);
  const res = await page.goto(`${page.url()}/sets`);
  expect(res?.status()).toBe(404);
});
