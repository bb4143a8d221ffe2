import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * The headers a browser sends with a write of the app's own pages: the JSON API refuses a
 * cookie-authenticated write without a same-origin Origin (CSRF), and Playwright's request
 * context sends none of its own.
 */
export function sameOrigin(page: Page): { origin: string } {
  return { origin: new URL(page.url()).origin };
}
