import { expect, type Browser, type Page } from '@playwright/test';

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

/** Signs in in a browser context of its own (another person at another computer). */
export async function person(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Opens a demo transcript by its title prefix (e.g. "FG07"). */
export async function openDocument(page: Page, prefix: string) {
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: new RegExp(`^${prefix} `) }).click();
  await expect(page.locator('.transcript-editor .turn').first()).toBeVisible();
}

/** Selects the first `fraction` of a turn's text by dragging the mouse across it. */
export async function dragSelect(page: Page, turnText: ReturnType<Page['locator']>, fraction = 0.5) {
  await turnText.scrollIntoViewIfNeeded();
  const box = (await turnText.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + Math.min(box.width - 4, box.width * fraction), box.y + 6, { steps: 6 });
  await page.mouse.up();
}
