import { expect, test, type Page } from '@playwright/test';
import { dragSelect, person } from './helpers';

async function ownCodings(page: Page, documentId: number): Promise<Array<{ id: number; quote: string }>> {
  return (await (await page.request.get(`/api/v1/projects/1/documents/${documentId}/codings`)).json()).codings;
}

// #16.6: a tab that did not hear of a correction (its live stream cut) must not code the old offsets,
// which now point at other words: the write is refused, the tab reloads the text and says why.
test('a tab opened before a correction cannot code at the old offsets; it reloads, says why, and then codes the right words', async ({ browser }) => {
  const coder1 = await person(browser, 'coder1@demo.test');
  await coder1.route('**/events?**', (route) => route.abort());
  // FG09 by its id (not by clicking through the list): other specs have corrected other groups.
  const { documents } = (await (await coder1.request.get('/api/v1/projects/1/documents')).json()) as { documents: Array<{ id: number; title: string }> };
  const documentId = documents.find((d) => d.title.startsWith('FG09 '))!.id;
  const docPath = `/projects/1/documents/${documentId}`;
  await coder1.goto(docPath);
  await expect(coder1.locator('h2, h1').filter({ hasText: /^FG09 / }).first()).toBeVisible();
  await expect(coder1.locator('.transcript-editor .turn').first()).toBeVisible();
  const before = await ownCodings(coder1, documentId);

  // The lead corrects the first turn: every later offset moves by the inserted characters.
  const lead = await person(browser, 'lead@demo.test');
  await lead.goto(`${docPath}?mode=correct`);
  const row = lead.getByTestId('correction-panel').locator('li[data-turn-index="0"]');
  await row.getByRole('button', { name: 'Edit' }).click();
  await row.getByRole('textbox').fill(`Түзету: ${await row.getByRole('textbox').inputValue()}`);
  await row.getByRole('button', { name: 'Save text' }).click();
  await expect(lead.getByTestId('correction-panel').getByRole('status')).toContainText('codings moved');

  // Coder 1's tab still shows the old version and codes a passage there.
  const turn = coder1.locator('.transcript-editor .turn-participant .turn-text').filter({ hasNot: coder1.locator('.coding') }).first();
  const turnText = (await turn.textContent())!.slice(0, 40);
  const turnOf = (page: Page) => page.locator('.transcript-editor .turn-text').filter({ hasText: turnText });
  await dragSelect(coder1, turnOf(coder1));
  await expect(coder1.getByTestId('code-popover')).toBeVisible();
  await coder1.keyboard.type('Telegr');
  await coder1.keyboard.press('Enter');
  // The refusal comes back from a server action on a busy machine: allow it time. The tab
  // reloads the corrected text, and the editor of the new version still says why.
  await expect(coder1.locator('.transcript-editor .turn-text').first()).toContainText('Түзету:', { timeout: 30_000 });
  await expect(coder1.locator('.editor-toolbar [role=alert]')).toContainText('corrected since you opened it');
  expect((await ownCodings(coder1, documentId)).length).toBe(before.length);

  // Coding again lands on the words selected.
  await expect(turnOf(coder1).locator('.coding')).toHaveCount(0);
  await dragSelect(coder1, turnOf(coder1));
  const selected = await coder1.evaluate(() => window.getSelection()!.toString());
  await expect(coder1.getByTestId('code-popover')).toBeVisible();
  await coder1.keyboard.type('Telegr');
  const saved = coder1.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(docPath));
  await coder1.keyboard.press('Enter');
  await saved;
  await expect(turnOf(coder1).locator('.coding').first()).toBeVisible();
  const after = await ownCodings(coder1, documentId);
  expect(after.length).toBe(before.length + 1);
  const made = after.find((c) => !before.some((b) => b.id === c.id))!;
  // The editor widens a selection to whole words; the quote is the selected words of the corrected text.
  expect(made.quote.startsWith(selected)).toBe(true);
  expect(await turnOf(coder1).textContent()).toContain(made.quote);
});
