import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a signed-out visitor is sent to sign-in, and the API answers 401', async ({ page, request }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  const res = await request.get('/api/v1/projects');
  expect(res.status()).toBe(401);
});

test('a wrong password gets one generic message, whether or not the email exists', async ({ page }) => {
  for (const email of ['lead@demo.test', 'nobody@demo.test']) {
    await page.goto('/signin');
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill('wrong-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.locator('form [role=alert]')).toHaveText('The email or password is not right.');
  }
});

test('the demo lead sees 16 documents and 98 participants and reads a Kazakh transcript', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await expect(page.getByText('Synthetic demo data').first()).toBeVisible();
  const rows = page.getByTestId('documents-table').locator('tbody tr');
  await expect(rows).toHaveCount(16);

  await page.getByRole('link', { name: 'Participants', exact: true }).click();
  await expect(page.getByTestId('participants-table').locator('tbody tr')).toHaveCount(98);
  await page.getByLabel('Filter: gender').selectOption('Female');
  await expect(page.getByTestId('participants-table').locator('tbody tr')).toHaveCount(51);

  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  const kazakhRow = rows.filter({ hasText: 'Kazakh' }).first();
  await kazakhRow.getByRole('link').click();
  const transcript = page.getByTestId('transcript');
  await expect(transcript).toBeVisible();
  await expect(transcript).toContainText(/[әғқңөұүһі]/);
  await expect(transcript.locator('.turn-moderator').first()).toBeVisible();
  // Speaker labels are structure: P-labels beside turns, not inside the text.
  await expect(transcript.locator('.turn-participant .speaker').first()).toHaveText(/^P\d+$/);
  // the last turn is reachable by scrolling
  await transcript.locator('.turn').last().scrollIntoViewIfNeeded();
  await expect(transcript.locator('.turn').last()).toBeVisible();
});

test('the language switch renders the interface in Kazakh and Russian', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByLabel('Language').first().selectOption('kk');
  await expect(page.getByRole('heading', { name: 'Сіздің жобаларыңыз' })).toBeVisible();
  await page.getByRole('combobox').first().selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Ваши проекты' })).toBeVisible();
  await page.getByRole('combobox').first().selectOption('en');
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
});

test('a user of another project cannot open the demo project or its API', async ({ page, browser }) => {
  // The admin creates an outsider, who belongs to no project.
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill('Outsider');
  await page.getByLabel('Email').fill('outsider@example.kz');
  await page.getByLabel('Initial password').fill('outsider-password');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');

  const ctx = await browser.newContext();
  const outsider = await ctx.newPage();
  await signIn(outsider, 'outsider@example.kz', 'outsider-password');
  await expect(outsider.getByText('You are not a member of any project yet.')).toBeVisible();
  const resp = await outsider.goto('/projects/1');
  expect(resp?.status()).toBe(404);
  const api = await outsider.request.get('/api/v1/projects/1/documents');
  expect(api.status()).toBe(404);
  const list = await outsider.request.get('/api/v1/projects');
  expect((await list.json()).projects).toEqual([]);
  await ctx.close();
});
