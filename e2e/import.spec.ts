import { expect, test, type Page } from '@playwright/test';
import { transcriptToDocx } from '../lib/export/transcript';
import { signIn } from './helpers';
import { emailKey } from '../lib/refi-qda/extension';

// This spec adds one document (a unique title) and updates its own participants; it leaves the
// 16 demo documents, their participants and the attribute definitions as they were. Its
// utterances use words the demo transcripts do not, so later searches are not disturbed.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function openImport(page: Page): Promise<number> {
  await signIn(page, 'lead@demo.test');
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Transcripts', exact: true })).toBeVisible();
  return Number(/\/projects\/(\d+)\//.exec(page.url())![1]);
}

/** The group's participants as the API gives them: label → attributes. */
async function participantsOf(page: Page, projectId: number, title: string): Promise<Record<string, Record<string, string>>> {
  const res = await page.request.get(`/api/v1/projects/${projectId}/participants`);
  const { participants } = (await res.json()) as { participants: Array<{ label: string; documentTitle: string | null; attributes: Record<string, string> }> };
  return Object.fromEntries(participants.filter((p) => p.documentTitle === title).map((p) => [p.label, p.attributes]));
}

test('the lead imports a .docx, maps its speakers, reads the transcript, then imports a roster for it', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const title = `E2E import ${suffix}`;
  const docx = await transcriptToDocx('', [
    { speaker: null, text: 'Черновая расшифровка для проверки загрузки.' },
    { speaker: 'Модератор', text: 'Откуда вы узнаёте о собраниях квартального комитета?', timestamp: '00:00:04' },
    { speaker: 'Р1', text: 'Читаю листовки на доске у подъезда.', timestamp: '00:00:15' },
    { speaker: 'Айгерим', text: 'Мен көршілерден естимін, кейде подъездегі парақшадан.', timestamp: '00:00:31' },
    { speaker: 'Модератор', text: 'Благодарю.', timestamp: '00:00:50' },
    { speaker: 'Р1', text: 'Ещё бывают листовки в почтовом ящике.', timestamp: '00:00:55' },
  ]);
  const projectId = await openImport(page);

  // Preview: turns, labels and a proposed mapping.
  await page.getByLabel('Choose transcript files').setInputFiles({ name: `e2e-${suffix}.docx`, mimeType: DOCX, buffer: Buffer.from(docx) });
  const item = page.getByTestId('import-item');
  await expect(item.getByTestId('import-turns')).toContainText('Читаю листовки на доске у подъезда.');
  await expect(item.getByLabel('Speaker Модератор')).toHaveValue('moderator');
  await expect(item.getByLabel('Speaker Р1')).toHaveValue('new');
  await expect(item.getByLabel('Label of the new participant for Р1')).toHaveValue('Р1');
  await expect(item.getByLabel('Speaker of the turns without a label')).toHaveValue('unknown');
  // A name is not a pseudonym: the lead gives Айгерим the label P2.
  await expect(item.getByLabel('Speaker Айгерим')).toHaveValue('new');
  await item.getByLabel('Label of the new participant for Айгерим').fill('P2');
  await item.getByLabel('Document title').fill(title);
  await item.getByLabel('date', { exact: true }).fill('2024-11-25');

  await page.getByRole('button', { name: 'Import 1 transcripts' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Imported 1 transcripts' });
  await expect(done).toBeVisible();
  await done.getByRole('link', { name: title }).click();

  // The transcript reads as imported: speakers beside the turns, the name replaced by P2.
  const transcript = page.getByTestId('transcript');
  await expect(transcript).toContainText('Читаю листовки на доске у подъезда.');
  await expect(transcript.locator('.turn-moderator').first()).toBeVisible();
  await expect(transcript.locator('.turn-participant .speaker')).toHaveText(['Р1', 'P2', 'Р1']);
  // The document's attributes are in its details, collapsed under the title line.
  await page.locator('.document-details > summary').click();
  await expect(page.getByText('date: 2024-11-25')).toBeVisible();
  expect(Object.keys(await participantsOf(page, projectId, title)).sort()).toEqual(['P2', 'Р1']);

  // A roster with one bad row: the report names the row, and nothing can be imported.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  const roster = (age: string) => Buffer.from(`label,group,gender,age\nР1,${title},Female,34\nP2,${title},Male,${age}\n`, 'utf8');
  await page.getByLabel('Choose a roster file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: roster('сорок') });
  const problems = page.getByTestId('roster-problems');
  await expect(problems).toContainText('Row 3');
  await expect(problems).toContainText('age "сорок" is not a whole number');
  await expect(page.getByRole('button', { name: 'Import 2 participants' })).toBeDisabled();
  expect(await participantsOf(page, projectId, title)).toEqual({ Р1: {}, P2: {} });

  // Fixed: both participants are updated, not duplicated.
  await page.getByLabel('Choose a roster file').setInputFiles({ name: 'roster-fixed.csv', mimeType: 'text/csv', buffer: roster('41') });
  await expect(page.getByText('roster-fixed.csv: 2 rows — 0 new participants, 2 to update.')).toBeVisible();
  await expect(page.getByTestId('roster-problems')).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 2 participants' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Roster imported: 0 participants added, 2 updated, 0 attributes created.' })).toBeVisible();
  expect(await participantsOf(page, projectId, title)).toEqual({ Р1: { gender: 'Female', age: '34' }, P2: { gender: 'Male', age: '41' } });

  // The transcript downloads with its speaker labels.
  const txt = await page.request.get(await page.getByLabel(`${title} as .txt`).getAttribute('href') ?? '');
  expect(await txt.text()).toContain('[00:00:31] P2: Мен көршілерден естимін');
});

test('a bad file is named and blocks the batch until it is removed', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('Choose transcript files').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'broken.docx', mimeType: DOCX, buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
  ]);
  await expect(page.getByText('empty.txt: the file is empty')).toBeVisible();
  await expect(page.getByText(/^broken\.docx: /)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ transcripts$/ })).toBeDisabled();
});

test('a project exported here imports back with its coders on their accounts; an unknown email is mapped first', async ({ page }) => {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const suffix = Date.now().toString(36);
  const projectId = await openImport(page);
  const exported = await page.request.get(`/api/v1/projects/${projectId}/export?format=qdpx`);
  expect(exported.ok()).toBe(true);
  // The file as another instance would have it: Svetlana signs in there with another email.
  const files = unzipSync(new Uint8Array(await exported.body()));
  const ext = JSON.parse(strFromU8(files['fgcoder.json'])) as { users: { guid: string; emailKey: string }[] };
  expect(ext.users.map((u) => u.emailKey)).toContain(emailKey('coder3@demo.test'));
  for (const u of ext.users) if (u.emailKey === emailKey('coder3@demo.test')) u.emailKey = emailKey('svetlana@university.kz');
  files['fgcoder.json'] = strToU8(JSON.stringify(ext));

  await page.goto('/import');
  await page.getByLabel('Project file').setInputFiles({ name: `roundtrip-${suffix}.qdpx`, mimeType: 'application/octet-stream', buffer: Buffer.from(zipSync(files)) });
  await page.getByLabel('Name of the new project').fill(`E2E round trip ${suffix}`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  // Nothing is written yet: each coder of the file, matched by email or to be mapped.
  const mapping = page.getByTestId('coder-mapping');
  await expect(mapping.getByRole('heading', { name: 'Who are the file’s coders here?' })).toBeVisible();
  await expect(mapping.getByLabel('Account for Coder 1 (Aigerim)')).toHaveValue(/^\d+$/);
  await expect(mapping.getByLabel('Account for Coder 1 (Aigerim)').locator('option:checked')).toHaveText('Coder 1 (Aigerim) <coder1@demo.test> (same email)');
  const svetlana = mapping.getByLabel('Account for Coder 3 (Svetlana)');
  await expect(svetlana).toHaveValue('placeholder');
  await svetlana.selectOption({ label: 'Coder 3 (Svetlana) <coder3@demo.test>' });
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/roundtrip-mapping.png`, fullPage: true });

  await mapping.getByRole('button', { name: 'Import with these accounts' }).click();
  const done = page.getByRole('status');
  // Other specs add documents and codes to the demo before this one runs.
  await expect(done).toContainText(/Imported \d+ documents, \d+ codes/);
  await expect(done).toContainText('and 3 coders');
  await expect(mapping).toHaveCount(0);
});

test('a damaged project file is refused in the reader’s language, with the importer’s detail beside it', async ({ page }) => {
  await signIn(page, 'lead@demo.test');
  await page.getByLabel('Language').first().selectOption('kk');
  await expect(page.getByRole('heading', { name: 'Сіздің жобаларыңыз' })).toBeVisible();
  try {
    await page.goto('/import');
    await page.getByLabel('Жоба файлы').setInputFiles({ name: 'broken.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 cut off here') });
    await page.getByRole('button', { name: 'Импорттау', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Жоба импортталмады' });
    await expect(alert).toContainText('Мұрағат бүлінген немесе толық емес.');
    await expect(alert.locator('[lang=en]')).toContainText('end-of-central-directory');
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/import-broken-kk.png` });
  } finally {
    await page.getByRole('combobox').first().selectOption('en');
    await expect(page.getByRole('combobox').first()).toHaveValue('en');
  }
});
