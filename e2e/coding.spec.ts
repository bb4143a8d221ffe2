import { expect, test } from '@playwright/test';
import { dragSelect, openDocument, sameOrigin, signIn } from './helpers';

test('a coder codes a Kazakh passage with the mouse, through the popover and a shortcut, and it persists', async ({ page }) => {
  await signIn(page, 'coder1@demo.test');
  await openDocument(page, 'FG07');
  const stripes = page.getByTestId('margin-stripes').locator('.stripe');
  const highlights = page.locator('.transcript-editor .coding');
  await expect(stripes.first()).toBeVisible();
  const before = await stripes.count();

  // A participant turn with Kazakh letters that coder 1 has not coded yet.
  const candidate = page.locator('.transcript-editor .turn-participant .turn-text').filter({ hasText: /[әғқңөұүі]/, hasNot: page.locator('.coding') }).first();
  const turnText = (await candidate.textContent())!;
  // Pinned by its text, so the locator keeps pointing at this turn once it is coded.
  const turn = page.locator('.transcript-editor .turn-text').filter({ hasText: turnText.slice(0, 40) });
  await dragSelect(page, turn);
  const popover = page.getByTestId('code-popover');
  await expect(popover).toBeVisible();
  await page.keyboard.type('Telegr');
  await expect(popover.getByRole('option').first()).toContainText('Telegram');
  await page.keyboard.press('Enter');
  await expect(stripes).toHaveCount(before + 1);
  await expect(turn.locator('.coding').first()).toBeVisible();

  // The same passage again, with the first code that has a keyboard shortcut: overlapping codings.
  const shortcut = (await page.locator('.codes-sidebar kbd').first().textContent())!;
  await dragSelect(page, turn, 0.8);
  await expect(popover).toBeVisible();
  await page.locator('.transcript-editor').press(shortcut);
  await expect(stripes).toHaveCount(before + 2);
  expect(await turn.locator('.coding').count()).toBeGreaterThanOrEqual(2);

  // Undo removes the last coding; redo brings it back.
  await page.locator('.transcript-editor').press('Control+z');
  await expect(stripes).toHaveCount(before + 1);
  await page.locator('.transcript-editor').press('Control+Shift+z');
  await expect(stripes).toHaveCount(before + 2);

  await page.reload();
  await expect(stripes).toHaveCount(before + 2);
  await expect(page.locator('.transcript-editor .turn-text').filter({ hasText: turnText.slice(0, 30) }).locator('.coding').first()).toBeVisible();
  expect(await highlights.count()).toBeGreaterThan(0);

  // Clicking a highlight lists its codings with their coder.
  await page.locator('.transcript-editor .turn-text').filter({ hasText: turnText.slice(0, 30) }).locator('.coding').first().click();
  await expect(page.getByTestId('coding-info')).toContainText('Coder 1');
});

test('a coder cannot code a document not assigned to them, and the API refuses it too', async ({ page }) => {
  await signIn(page, 'coder1@demo.test');
  await openDocument(page, 'FG03');
  await expect(page.getByText('Read only')).toBeVisible();
  const res = await page.request.post('/api/v1/projects/1/codings', {
      headers: sameOrigin(page),
    data: { documentId: 3, version: 1, codeIds: [1], start: 0, end: 5 },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/not assigned/);
});

test('a lead corrects a typo inside a coded passage and the coding follows', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await openDocument(page, 'FG02');
  // Code a participant turn in the consensus layer through the API, then correct a word inside it.
  const docUrl = page.url();
  const documentId = Number(/documents\/(\d+)/.exec(docUrl)![1]);
  const doc = await (await page.request.get(`/api/v1/projects/1/documents/${documentId}`)).json();
  const turnIndex = doc.document.turns.findIndex((t: { speaker: { kind: string }; text: string }) => t.speaker.kind === 'participant' && t.text.split(' ').length > 6);
  const turn = doc.document.turns[turnIndex];
  const codes = (await (await page.request.get('/api/v1/projects/1/codes')).json()).codes;
  const created = await page.request.post('/api/v1/projects/1/codings', {
      headers: sameOrigin(page),
    data: { documentId, version: doc.document.version, codeIds: [codes[0].children[0].id], start: turn.start, end: turn.end, layer: 'consensus' },
  });
  expect(created.status()).toBe(201);
  const codingId = (await created.json()).codings[0].id;

  await page.getByTestId('correct-toggle').click();
  const panel = page.getByTestId('correction-panel');
  const row = panel.locator(`li[data-turn-index="${turnIndex}"]`);
  await row.getByRole('button', { name: 'Edit' }).click();
  const words = turn.text.split(' ');
  const fixed = [...words.slice(0, 2), 'ТҮЗЕТІЛДІ', ...words.slice(3)].join(' ');
  await row.getByRole('textbox').fill(fixed);
  await row.getByRole('button', { name: 'Save text' }).click();
  await expect(panel.getByRole('status')).toContainText('codings moved');

  const after = await (await page.request.get(`/api/v1/projects/1/documents/${documentId}/codings?layers=consensus`)).json();
  const coding = after.codings.find((c: { id: number }) => c.id === codingId);
  expect(coding.quote).toBe(fixed);
  expect(coding.needsReview).toBe(false);
});

test('a lead creates a code from the popover and codes in vivo', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await openDocument(page, 'FG04');
  const turn = page.locator('.transcript-editor .turn-participant .turn-text').nth(3);
  const turnText = (await turn.textContent())!;
  const pinned = page.locator('.transcript-editor .turn-text').filter({ hasText: turnText.slice(0, 40) });
  await dragSelect(page, pinned, 0.4);
  await page.keyboard.type('Жаңа код');
  await page.getByRole('option', { name: /Create code “Жаңа код”/ }).click();
  await expect(page.locator('.codes-sidebar li', { hasText: 'Жаңа код' }).locator('.count')).toHaveText('1');

  await dragSelect(page, pinned, 0.3);
  const inVivo = page.getByTestId('code-popover').getByRole('button', { name: /In vivo/ });
  const label = (await inVivo.textContent())!.replace(/^In vivo: “|”$/g, '').replace(/…$/, '');
  await inVivo.click();
  await expect(page.locator('.codes-sidebar li', { hasText: label.slice(0, 20) }).locator('.count')).toHaveText('1');
});

test('a new bracket sits beside its passage, labels stay inside the margin, and a memo on it moves no text', async ({ page }) => {
  await signIn(page, 'coder1@demo.test');
  await openDocument(page, 'FG07');
  const margin = page.getByTestId('margin-stripes');
  await expect(margin.locator('.stripe').first()).toBeVisible();
  const idsOnScreen = () => margin.locator('.stripe').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.coding!));
  const before = new Set(await idsOnScreen());

  const candidate = page.locator('.transcript-editor .turn-participant .turn-text').filter({ hasNot: page.locator('.coding') }).nth(3);
  const turnText = (await candidate.textContent())!;
  const turn = page.locator('.transcript-editor .turn-text').filter({ hasText: turnText.slice(0, 40) });
  await dragSelect(page, turn, 0.6);
  // The first line of the selection, in page coordinates.
  const selectionTop = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getClientRects()[0].top + scrollY);
  await expect(page.getByTestId('code-popover')).toBeVisible();
  await page.keyboard.type('Telegr');
  await page.keyboard.press('Enter');
  await expect(margin.locator('.stripe')).toHaveCount(before.size + 1);
  // The optimistic coding's id is negative until the server's answer replaces it.
  let id = '';
  await expect.poll(async () => (id = (await idsOnScreen()).find((x) => !before.has(x) && Number(x) > 0) ?? '')).not.toBe('');
  const bracket = margin.locator(`.stripe[data-coding="${id}"]`);

  // The bracket starts on the selection's first line (a line is 30 px: half a line of slack for the line's leading).
  const top = async () => (await bracket.evaluate((el) => el.getBoundingClientRect().top + scrollY));
  const lineHeight = await turn.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(Math.abs((await top()) - selectionTop)).toBeLessThan(lineHeight / 2);
  // Every label is inside the margin's box.
  const box = (await margin.boundingBox())!;
  for (const label of await margin.locator('.stripe-label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(label.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(label.right).toBeLessThanOrEqual(box.x + box.width + 1);
  }

  // A memo marks the highlight's end with a pencil and moves nothing: the turn keeps its height, the bracket its place.
  const height = async () => (await turn.boundingBox())!.height;
  // Where the turn's last character is: the text after the pencil would move if the pencil took room in the line.
  const lastCharacter = () =>
    turn.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).length) last = n as Text;
      const range = document.createRange();
      range.setStart(last!, last!.length - 1);
      range.setEnd(last!, last!.length);
      const r = range.getBoundingClientRect();
      return `${r.left},${r.top}`;
    });
  const [heightBefore, topBefore, lastBefore] = [await height(), await top(), await lastCharacter()];
  await turn.locator('.coding').first().click();
  const card = page.getByTestId('coding-info').locator('.coding-card').filter({ hasText: 'Telegram' });
  await card.locator('textarea').fill('Named the channel twice: check against FG03.');
  await card.getByRole('button', { name: 'Save memo' }).click();
  await expect(card.getByRole('status')).toContainText('Saved');
  await expect(turn.locator('.memo-mark')).toHaveCount(1);
  expect(await height()).toBe(heightBefore);
  expect(await top()).toBe(topBefore);
  expect(await lastCharacter()).toBe(lastBefore);
});
