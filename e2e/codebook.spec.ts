import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// These tests share the demo database with other specs, so they leave the demo codebook as
// they found it: same code names, places and codings per code (the merged code is rebuilt
// under its old name and place).

async function openCodebook(page: Page) {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Codebook', exact: true }).click();
  await expect(page.getByTestId('codebook-editor')).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Codes' });
  const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  const row = (name: string) => item(name).locator(':scope > .cbe-row');
  return {
    tree,
    item,
    row,
    panel: page.getByTestId('code-panel'),
    /** The row's counts: one per layer column, then the total. */
    counts: (name: string) => row(name).locator('[data-testid^="count-"]').allInnerTexts(),
  };
}

test('the lead creates, renames, nests by keyboard and merges a code, and its codings follow', async ({ page }) => {
  const { tree, item, row, panel, counts } = await openCodebook(page);
  const suffix = Date.now().toString(36);
  const created = `Neighbourhood problems ${suffix}`;
  const renamed = `Yard and street problems ${suffix}`;
  const themes = await tree.locator(':scope > [role=treeitem]').count();

  // create: a new top-level code, last
  await page.getByLabel('New code name').fill(created);
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(item(created)).toHaveAttribute('aria-posinset', String(themes + 1));
  await expect(item(created)).toHaveAttribute('aria-level', '1');

  // rename in the side panel
  await row(created).click();
  await expect(panel.getByRole('heading')).toHaveText(`Edit “${created}”`);
  await panel.getByLabel('Name', { exact: true }).fill(renamed);
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(item(renamed)).toBeVisible();
  await expect(item(created)).toHaveCount(0);

  // Alt+→ nests it under the code above (the last theme); Alt+← takes it out again
  await row(renamed).click();
  await expect(item(renamed)).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(item('Trust in institutions').getByRole('treeitem', { name: renamed, exact: true })).toBeVisible();
  await expect(item(renamed)).toHaveAttribute('aria-level', '2');
  await expect(item(renamed)).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(item(renamed)).toHaveAttribute('aria-level', '1');
  await expect(item(renamed)).toHaveAttribute('aria-posinset', String(themes + 1));

  // merge a coded demo code into it: every coding follows, layer by layer
  const source = 'Deputies';
  const sourceCounts = await counts(source);
  const sourceTotal = Number(sourceCounts.at(-1));
  expect(sourceTotal).toBeGreaterThan(0);
  expect((await counts(renamed)).every((n) => n === '0')).toBe(true);
  const targetId = await item(renamed).getAttribute('data-code-id');
  await row(source).click();
  await panel.getByTestId('merge-target').selectOption(targetId!);
  await panel.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Merge “${source}” into “${renamed}”? Its ${sourceTotal} ${sourceTotal === 1 ? 'coding moves' : 'codings move'}`);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(item(source)).toHaveCount(0);
  await expect(row(renamed).getByTestId('count-total')).toHaveText(String(sourceTotal));
  expect(await counts(renamed)).toEqual(sourceCounts);

  // put the demo back: the merged code takes the old name, colour and place (last under
  // "Channels to authorities", the first theme), moved there with the panel's buttons and keys
  await row(renamed).click();
  await panel.getByLabel('Name', { exact: true }).fill(source);
  await panel.getByLabel('Colour').fill('#4f46e5');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(item(source)).toBeVisible();
  for (let at = themes + 1; at > 2; at--) {
    await panel.getByRole('button', { name: 'Move up' }).click();
    await expect(item(source)).toHaveAttribute('aria-posinset', String(at - 1));
  }
  await item(source).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(item('Channels to authorities').getByRole('treeitem', { name: source, exact: true })).toBeVisible();
  await expect(item(source)).toHaveAttribute('aria-level', '2');
  expect(await counts(source)).toEqual(sourceCounts);
  await expect(tree.locator(':scope > [role=treeitem]')).toHaveCount(themes);
});

test('deleting asks for confirmation that says how many codings go', async ({ page }) => {
  const { item, row, panel, counts } = await openCodebook(page);

  // a coded code: the dialog names the number; cancelling keeps it
  const coded = 'Television and radio';
  const total = Number((await counts(coded)).at(-1));
  expect(total).toBeGreaterThan(0);
  await row(coded).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`This deletes ${total} coding${total === 1 ? '' : 's'}.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item(coded)).toBeVisible();

  // a parent cannot be deleted while it has subcodes
  await row('Channels to authorities').click();
  await expect(panel.getByRole('button', { name: 'Delete…' })).toBeDisabled();

  // an unused code goes after a plain confirmation
  const name = `Unused ${Date.now().toString(36)}`;
  await page.getByLabel('New code name').fill(name);
  await page.getByRole('button', { name: 'Add code' }).click();
  await row(name).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  await expect(dialog).toContainText('No passage is coded with it.');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(item(name)).toHaveCount(0);
});

test('coders get the read-only codebook', async ({ page }) => {
  await signIn(page, 'coder1@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Codebook', exact: true }).click();
  await expect(page.getByText('Channels to authorities').first()).toBeVisible();
  await expect(page.getByTestId('codebook-editor')).toHaveCount(0);
});
