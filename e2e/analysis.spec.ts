import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const CITIES = ['Almaty', 'Aktau', 'Aktobe', 'Kyzylorda', 'Taraz', 'Karaganda', 'Pavlodar', 'Semey'];

test('frequencies by city, then participants by gender × city; a cell opens its excerpts and the transcript; the CSV downloads', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Analysis', exact: true }).click();

  const table = page.getByTestId('frequency-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('layer-line')).toContainText('Consensus');
  for (const city of CITIES) await expect(table.locator('thead')).toContainText(city);
  await expect(table.locator('tbody tr[data-code="Channels to authorities"]')).toBeVisible();

  // The CSV of the table by city: UTF-8 with a BOM, the cities as columns, a row per code.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  // The notes (layer, measure, filters) come first as `#` lines, which R's comment.char skips.
  const all = csv.slice(1).split('\r\n');
  const notes = all.filter((l) => l.startsWith('#'));
  const lines = all.filter((l) => !l.startsWith('#'));
  expect(all.slice(0, notes.length)).toEqual(notes);
  expect(notes).toContain('# Layer: Consensus');
  expect(lines[0]).toBe(`Code,Code path,${CITIES.join(',')},Total`);
  expect(lines[1]).toMatch(/^Channels to authorities,Channels to authorities(,\d+){9}$/);

  // Participants, then gender × city.
  await page.getByLabel('Measure').selectOption('participants');
  await expect(page).toHaveURL(/measure=participants/);
  await page.getByLabel('Columns').selectOption('attr:gender');
  await expect(page).toHaveURL(/cols=attr%3Agender/);
  await page.getByLabel('Split by').selectOption('attr:city');
  await expect(page).toHaveURL(/split=attr%3Acity/);
  await expect(table.locator('thead')).toContainText('Female');
  await expect(table.locator('thead')).toContainText('Male');
  await expect(table.locator('thead')).toContainText('Almaty');
  await expect(table.locator('thead')).toContainText('n = ');

  // A non-empty cell opens the excerpts behind it; an excerpt opens the transcript at its coding.
  const cell = table.locator('tbody td:not(.zero) a').first();
  await cell.click();
  await expect(page).toHaveURL(/\/analysis\/excerpts\?/);
  await expect(page.getByTestId('excerpt-count')).toHaveText(/[1-9]\d* excerpts/);
  const excerpt = page.getByTestId('excerpt').first();
  await expect(excerpt.locator('blockquote')).not.toBeEmpty();
  await expect(excerpt).toContainText(/gender: (Female|Male)/);
  await excerpt.getByRole('link', { name: 'Open in the transcript' }).click();
  await expect(page).toHaveURL(/\/documents\/\d+\?focus=\d+&layers=consensus/);
  await expect(page.getByTestId('transcript')).toBeVisible();
});

test('bad parameters are named; the API answers 400, 403 and 404 like the pages', async ({ page, browser, request }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.waitForURL(/\/projects\/\d+$/);
  const projectUrl = page.url();
  await page.goto(`${projectUrl}/analysis?cols=attr:religion`);
  await expect(page.getByRole('alert').filter({ hasText: 'religion' })).toContainText("Parameter 'cols': unknown attribute 'religion'");

  const api = `${new URL(projectUrl).pathname.replace('/projects/', '/api/v1/projects/')}/frequencies`;
  const bad = await page.request.get(`${api}?cols=attr:religion`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("unknown attribute 'religion'");
  const json = await page.request.get(`${api}?cols=attr:gender&measure=percent&layer=union`);
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.layer).toBe('union');
  expect(body.columns.slice(0, 2).map((c: { outer: string }) => c.outer)).toEqual(['Female', 'Male']);
  expect(body.total.participants).toBe(98);
  expect((await page.request.get('/api/v1/projects/999999/frequencies')).status()).toBe(404);
  expect((await request.get(api)).status()).toBe(401);

  // In blind mode a coder analyses only their own layer.
  const ctx = await browser.newContext();
  const coder = await ctx.newPage();
  await signIn(coder, 'coder1@demo.test');
  expect((await coder.request.get(`${api}?layer=union`)).status()).toBe(403);
  expect((await coder.request.get(api)).status()).toBe(200);
  await ctx.close();
});
