import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

async function openProject(page: Page) {
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
}

/** The id of a coder, read from the agreement form's checkboxes (lead only). */
async function coderId(page: Page, name: RegExp): Promise<number> {
  await page.goto('/projects/1/agreement?samples=0');
  return Number(await page.getByTestId('agreement-form').getByRole('checkbox', { name }).getAttribute('value'));
}

async function documentId(page: Page, prefix: string): Promise<number> {
  const { documents } = await (await page.request.get('/api/v1/projects/1/documents')).json();
  return documents.find((d: { title: string }) => d.title.startsWith(prefix)).id;
}

test('a lead opens the agreement report, reviews a disagreement, accepts coder 1’s version and sees it in the consensus layer', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await openProject(page);
  await page.getByRole('link', { name: 'Agreement', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inter-coder agreement' })).toBeVisible();

  // Pooled figures with their units, α to three decimals with a bootstrap interval, κ per pair.
  const pooled = page.getByTestId('agreement-pooled');
  await expect(pooled.locator('tr', { hasText: /Turn level/ })).toContainText(/0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]/);
  await expect(pooled.locator('tr', { hasText: /Character level/ })).toContainText(/0\.\d{3}/);
  await expect(page.getByTestId('agreement-kappa')).toContainText('Coder 1 (Aigerim) — Coder 2 (Daniyar)');
  await expect(page.getByTestId('agreement-by-code').locator('tbody tr')).toHaveCount(40);
  await expect(page.getByText('Download')).toBeVisible();

  // FG09 is double-coded and has no consensus yet: review it.
  const fg09 = page.getByTestId('agreement-by-document').locator('tr', { hasText: /FG09/ });
  await fg09.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: /Disagreements in FG09/ })).toBeVisible();
  const progress = page.getByTestId('review-progress');
  await expect(progress).toContainText(/^\s*0 of \d+ resolved/);
  const total = Number(/of (\d+) resolved/.exec((await progress.textContent())!)![1]);

  // Step with Next to a disagreement where coder 1 marked exactly one range.
  const disagreement = page.getByTestId('disagreement');
  const coder1Track = disagreement.locator('.passage-track').first();
  for (let i = 0; i < total && (await coder1Track.locator('mark').count()) !== 1; i++) {
    const key = await disagreement.getAttribute('data-key');
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(disagreement).not.toHaveAttribute('data-key', key!);
  }
  await expect(coder1Track).toContainText('Coder 1 (Aigerim)');
  const chosen = (await coder1Track.locator('mark').textContent())!;
  await expect(page.getByTestId('track-consensus').locator('mark')).toHaveCount(0);

  await page.getByRole('button', { name: 'Accept Coder 1 (Aigerim)’s version' }).click();
  await expect(page.getByRole('status')).toHaveText('Written to the consensus layer.');
  await expect(page.getByTestId('review-status')).toHaveText('Resolved by Demo Lead (Gulnara): accepted Coder 1 (Aigerim)’s version.');
  await expect(page.getByTestId('track-consensus').locator('mark')).toHaveText(chosen);
  await expect(progress).toContainText(`1 of ${total} resolved`);

  // The progress survives a reload.
  await page.reload();
  await expect(progress).toContainText(`1 of ${total} resolved`);

  // In the editor: the coders' layers and the consensus, coding into the consensus.
  await page.getByTestId('show-in-editor').click();
  await expect(page).toHaveURL(/layers=coder:\d+,coder:\d+,consensus&edit=consensus&focus=\d+/);
  await expect(page.locator('.transcript-editor .turn').first()).toBeVisible();
  const picker = page.getByTestId('layer-picker');
  await expect(picker.getByRole('checkbox', { name: 'Consensus' })).toBeChecked();
  await expect(picker.getByRole('combobox')).toHaveValue('consensus');
  const docId = Number(/documents\/(\d+)/.exec(page.url())![1]);
  const { codings } = await (await page.request.get(`/api/v1/projects/1/documents/${docId}/codings?layers=consensus`)).json();
  expect(codings.map((c: { quote: string }) => c.quote)).toContain(chosen);
});

test('a coder in blind mode cannot see coder 2’s layer through the API, the editor or the agreement page, until the lead lifts it', async ({ page, browser }) => {
  await signIn(page, 'lead@demo.test');
  const coder2 = await coderId(page, /Coder 2 \(Daniyar\)/);
  const fg01 = await documentId(page, 'FG01');
  await page.goto('/projects/1/settings');
  await expect(page.getByTestId('blind-mode')).toContainText('Blind mode is on');

  const ctx = await browser.newContext();
  const coder = await ctx.newPage();
  await signIn(coder, 'coder1@demo.test');
  const layerUrl = `/api/v1/projects/1/documents/${fg01}/codings?layers=coder:${coder2}`;
  const refused = await coder.request.get(layerUrl);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toBe(`You may not see the layer coder:${coder2}`);
  expect((await coder.request.get(`/api/v1/projects/1/agreement?coders=${coder2}`)).status()).toBe(404);
  expect((await coder.goto('/projects/1/agreement'))?.status()).toBe(404);
  expect((await coder.goto('/projects/1/agreement/review'))?.status()).toBe(404);

  // The editor ignores a request for coder 2's layer.
  await coder.goto(`/projects/1/documents/${fg01}?layers=coder:${coder2}`);
  await expect(coder.locator('.transcript-editor .turn').first()).toBeVisible();
  await expect(coder.getByText('Coder 2 (Daniyar)')).toHaveCount(0);
  await expect(coder.getByTestId('layer-picker')).toHaveCount(0);

  // The lead lifts blind mode: now coder 1 may look; then the lead turns it back on.
  await page.getByRole('button', { name: 'Turn blind mode off' }).click();
  await expect(page.getByTestId('blind-mode')).toContainText('Blind mode is off');
  expect((await coder.request.get(layerUrl)).status()).toBe(200);
  await page.getByRole('button', { name: 'Turn blind mode on' }).click();
  await expect(page.getByTestId('blind-mode')).toContainText('Blind mode is on');
  expect((await coder.request.get(layerUrl)).status()).toBe(403);
  await ctx.close();
});

test('a lead assigns a document to a coder, who finds it under My documents and marks it done', async ({ page, browser }) => {
  await signIn(page, 'lead@demo.test');
  await page.goto('/projects/1/assignments');
  await page.getByRole('checkbox', { name: /^FG02 .* — Coder 3 \(Svetlana\)$/ }).check();
  await page.getByRole('button', { name: 'Save 1 changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: 1 assigned, 0 unassigned.');

  const ctx = await browser.newContext();
  const coder = await ctx.newPage();
  await signIn(coder, 'coder3@demo.test');
  await openProject(coder);
  await coder.getByRole('link', { name: 'My documents' }).click();
  const row = coder.getByTestId('my-documents').locator('tr', { hasText: /FG02/ });
  const status = row.locator('td').nth(1);
  await expect(status).toHaveText('not started');
  await row.getByRole('button', { name: 'Mark done' }).click();
  await expect(status).toHaveText('done');
  await expect(row.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await ctx.close();

  await page.reload();
  await expect(page.getByTestId('assignment-grid').locator('tr', { hasText: /FG02/ })).toContainText('done');
});
