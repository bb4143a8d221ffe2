import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openDocument, person } from './helpers';

test('a coding made by coder 1 appears for the lead within 1 s, never for coder 2 in blind mode; presence follows the same rule; a correction reloads coder 1’s editor and says why', async ({ browser }) => {
  const coder1 = await person(browser, 'coder1@demo.test');
  await openDocument(coder1, 'FG07');
  const docPath = new URL(coder1.url()).pathname;
  const documentId = Number(docPath.split('/').pop());
  const own = await coder1.request.get(`/api/v1/projects/1/documents/${documentId}/codings`);
  const coder1Id = ((await own.json()).layers[0] as { coderId: number }).coderId;

  // The lead looks at coder 1's layer; coder 2 (blind mode is on in the demo) at their own.
  const lead = await person(browser, 'lead@demo.test');
  await lead.goto(`${docPath}?layers=coder:${coder1Id}`);
  await expect(lead.locator('.transcript-editor .turn').first()).toBeVisible();
  const coder2 = await person(browser, 'coder2@demo.test');
  await coder2.goto(docPath);
  await expect(coder2.locator('.transcript-editor .turn').first()).toBeVisible();
  // Coder 2 may not even open coder 1's stream.
  expect((await coder2.request.get(`/api/v1/projects/1/documents/${documentId}/events?layers=coder:${coder1Id}`)).status()).toBe(403);

  // Presence: the lead sees both coders; coders in blind mode see nobody else.
  await expect(lead.getByTestId('presence')).toContainText('Coder 1 (Aigerim)');
  await expect(lead.getByTestId('presence')).toContainText('Coder 2 (Daniyar)');
  await expect(coder1.getByTestId('presence')).toHaveCount(0);
  await expect(coder2.getByTestId('presence')).toHaveCount(0);

  const candidate = coder1.locator('.transcript-editor .turn-participant .turn-text').filter({ hasNot: coder1.locator('.coding') }).first();
  const turnText = (await candidate.textContent())!.slice(0, 40);
  const turnOf = (page: Page) => page.locator('.transcript-editor .turn-text').filter({ hasText: turnText });
  await turnOf(lead).scrollIntoViewIfNeeded();
  await turnOf(coder2).scrollIntoViewIfNeeded();
  await expect(turnOf(lead).locator('.coding')).toHaveCount(0);
  if (process.env.LIVE_DEBUG)
    await lead.evaluate((url) => {
      const w = window as unknown as { __ev: string[] };
      w.__ev = [];
      const es = new EventSource(url);
      for (const k of ['hello', 'codings', 'presence', 'document']) es.addEventListener(k, (e) => w.__ev.push(`${k} ${(e as MessageEvent).data.slice(0, 300)}`));
    }, `/api/v1/projects/1/documents/${documentId}/events?layers=coder:${coder1Id}`);
  const coder2Before = await turnOf(coder2).locator('.coding').count();

  await dragSelect(coder1, turnOf(coder1));
  await expect(coder1.getByTestId('code-popover')).toBeVisible();
  await coder1.keyboard.type('Telegr');
  await expect(coder1.getByTestId('code-popover').getByRole('option').first()).toContainText('Telegram');
  // Propagation is counted from the moment coder 1's write is answered (committed), not from a cold server's first action.
  const saved = coder1.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(docPath));
  await coder1.keyboard.press('Enter');
  await saved;
  const t0 = Date.now();
  if (process.env.LIVE_DEBUG) {
    await lead.waitForTimeout(1500);
    console.log(await lead.evaluate(() => (window as unknown as { __ev: string[] }).__ev));
  }
  await expect(turnOf(coder1).locator('.coding').first()).toBeVisible();
  await expect(turnOf(lead).locator('.coding').first()).toBeVisible({ timeout: 1_000 });
  console.log(`live update seen by the lead after ${Date.now() - t0} ms`);
  // Coder 2 never gets it (give it time to arrive if it were going to).
  await coder2.waitForTimeout(700);
  expect(await turnOf(coder2).locator('.coding').count()).toBe(coder2Before);

  // Coder 1 undoes it (a removal), and the lead sees it go.
  await coder1.locator('.transcript-editor').press('Control+z');
  await expect(turnOf(lead).locator('.coding')).toHaveCount(0, { timeout: 1_000 });

  // A correction by the lead (through its action) reloads coder 1's editor, with the reason.
  await lead.goto(`${docPath}?mode=correct`);
  const row = lead.getByTestId('correction-panel').locator('li[data-turn-index="0"]');
  await row.getByRole('button', { name: 'Edit' }).click();
  await row.getByRole('textbox').fill(`${await row.getByRole('textbox').inputValue()} …`);
  await row.getByRole('button', { name: 'Save text' }).click();
  await expect(lead.getByTestId('correction-panel').getByRole('status')).toContainText('codings moved');
  await expect(coder1.getByTestId('live-notice')).toContainText('The transcript was corrected since you opened it', { timeout: 5_000 });
  await expect(coder1.locator('.transcript-editor .turn').first()).toBeVisible();
});
