import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Shares the demo database with other specs: the auto-coding is undone and the saved search
// deleted before the test ends, so codings per code are as the seed left them.

const CODE = 'Channels to authorities / Akimat appeals and receptions';

async function openSearch(page: Page) {
  await signIn(page, 'coder1@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Search transcripts' })).toBeVisible();
}

async function search(page: Page, q: string) {
  await page.getByLabel('Search for').fill(q);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

test('a coder searches the Kazakh groups, auto-codes the hits in their documents, sees them in the transcript and undoes it', async ({ page, context }) => {
  await openSearch(page);
  await expect(page.getByText('Type a word, a phrase or a query above')).toBeVisible();

  // A malformed query says what is wrong.
  await search(page, 'NOT әкімдік');
  await expect(page.getByTestId('search-problem')).toHaveText(/NOT at character 1 needs a word before it/);

  // Capitals and a prefix: every hit is a word starting with "әкімдік", in any case.
  await search(page, 'ӘКІМДІК*');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ hits in \d+ turns of \d+ documents/);
  const marks = await page.getByTestId('search-hit').locator('mark').allInnerTexts();
  expect(marks.length).toBeGreaterThan(5);
  for (const m of marks) expect(m.toLowerCase().startsWith('әкімдік')).toBe(true);

  // FG07 (assigned to coder1) has hits; note how many, and its coding count for the code.
  const documents = page.getByTestId('search-documents');
  const fg07 = documents.locator('tr', { hasText: 'FG07' });
  const hitsInFg07 = Number(await fg07.locator('td.num').innerText());
  expect(hitsInFg07).toBeGreaterThan(0);
  const docId = (await fg07.getByRole('link').getAttribute('href'))!.replace('#doc-', '');
  const hitLink = page.locator(`a.search-kwic[href*="/documents/${docId}?"]`).first();
  const href = (await hitLink.getAttribute('href'))!;
  expect(href).toMatch(/\?hit=\d+-\d+&q=/);

  const autocode = page.getByTestId('autocode');
  const [codeId] = await autocode.getByLabel('Code to apply').selectOption({ label: CODE });
  const transcript = await context.newPage();
  await transcript.goto(href);
  await expect(transcript.getByTestId('transcript')).toBeVisible();
  const before = Number(await transcript.getByTestId(`count-${codeId}`).innerText());

  // Preview, then apply: hits in documents not assigned to coder1 are skipped, and counted.
  await autocode.getByRole('radio', { name: 'the match' }).check();
  await autocode.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('autocode-preview')).toHaveText(/\d+ codings will be made; \d+ already exist\. (1 hit in a document not assigned to you will be skipped|\d+ hits in documents not assigned to you \(documents: \d+\) will be skipped)\./);
  await autocode.getByRole('button', { name: 'Apply code' }).click();
  await expect(page.getByTestId('autocode-status')).toHaveText(/\d+ codings made; \d+ already existed\. (1 hit in a document not assigned to you was skipped|\d+ hits in documents not assigned to you \(documents: \d+\) were skipped)\./);

  // The transcript shows the new codings in coder1's layer.
  await transcript.reload();
  await expect(transcript.getByTestId(`count-${codeId}`)).toHaveText(String(before + hitsInFg07));

  // One undo reverts the batch.
  await autocode.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('autocode-status')).toHaveText(/^\d+ codings removed\.$/);
  await transcript.reload();
  await expect(transcript.getByTestId(`count-${codeId}`)).toHaveText(String(before));
  await transcript.close();
});

test('a search can be saved, run again and deleted; regular expressions work, and a malformed one gets a message', async ({ page }) => {
  await openSearch(page);
  await search(page, 'e-Otinish OR eGov');
  await expect(page.getByTestId('search-summary')).toBeVisible();
  const name = `Channels ${Date.now().toString(36)}`;
  const saved = page.getByTestId('saved-searches');
  await saved.getByLabel('Name of this search').fill(name);
  await saved.getByRole('button', { name: 'Save search' }).click();
  await expect(saved.getByRole('link', { name })).toBeVisible();

  await search(page, 'петиция');
  await saved.getByRole('link', { name }).click();
  await expect(page.getByLabel('Search for')).toHaveValue('e-Otinish OR eGov');
  await saved.getByRole('button', { name: `Delete the saved search “${name}”` }).click();
  await expect(saved.getByRole('link', { name })).toHaveCount(0);

  // Regular expressions: case-insensitive, within turns; a malformed one gets a message.
  await page.getByLabel('Regular expression').check();
  await search(page, 'әкімдік\\p{L}+');
  await expect(page.getByTestId('search-summary')).toBeVisible();
  for (const m of await page.getByTestId('search-hit').locator('mark').allInnerTexts()) expect(m).toMatch(/^әкімдік\p{L}+$/iu);
  await search(page, '(әкім');
  await expect(page.getByTestId('search-problem')).toHaveText(/The regular expression is not valid/);
});
