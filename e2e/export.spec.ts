import fs from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseCsv } from '../lib/import/csv';
import { signIn } from './helpers';

const CODE_PATH = 'Information sources / Telegram';

async function openExport(page: Page) {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('excerpt-export')).toBeVisible();
  // One code: pick its option by the path it shows.
  const select = page.getByTestId('excerpt-export').getByLabel('Code', { exact: true });
  const value = await select.locator('option', { hasText: CODE_PATH }).getAttribute('value');
  await select.selectOption(value!);
}

async function download(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('excerpt-export').getByRole('link', { name: link }).click()]);
  const file = await d.path();
  return { download: d, bytes: fs.readFileSync(file!) };
}

test('the lead exports one code’s excerpts from the demo study as Word and CSV', async ({ page }) => {
  await openExport(page);

  // Word: a heading with the code's path, each quote in Word's Quote style with its attribution.
  const docx = await download(page, 'Word (.docx)');
  expect(docx.download.suggestedFilename()).toMatch(/excerpts\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']);
  expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
  expect(xml).toContain('Information sources / Telegram');
  const quotes = xml.match(/<w:pStyle w:val="Quote"\/>/g) ?? [];
  const attributions = xml.match(/<w:pStyle w:val="Attribution"\/>/g) ?? [];
  expect(quotes.length).toBeGreaterThan(0);
  expect(attributions.length).toBe(quotes.length);
  expect(xml).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]{4,}/); // Cyrillic intact
  expect(xml).toMatch(/\((Female|Male), \d+, [^)]+\)/); // the default attribution

  // CSV: UTF-8 with a BOM, a row per excerpt, all of this code.
  const csv = await download(page, 'CSV');
  expect(csv.download.suggestedFilename()).toMatch(/excerpts\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1).replace(/\r\n/g, '\n'), 'export.csv');
  expect(rows[0].slice(0, 2)).toEqual(['Code', 'Quote']);
  expect(rows.length - 1).toBe(quotes.length);
  expect(rows.slice(1).every((r) => r[0] === CODE_PATH)).toBe(true);
  expect(csv.bytes.toString('utf8')).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]{4,}/);
});
