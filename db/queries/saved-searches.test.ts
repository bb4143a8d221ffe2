import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, type SearchOptions } from '@/lib/search/options';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { deleteSavedSearch, saveSearch, SavedSearchError, savedSearchesOfProject } from './saved-searches';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const options: SearchOptions = {
  ...EMPTY_SEARCH,
  q: 'әкімдік OR "e-Otinish" OR петиция',
  speakers: 'participants',
  participant: [{ attributeId: 7, values: ['18–29'] }],
};

describe('saved searches', () => {
  it('saves, lists with their options, replaces by name and deletes', async () => {
    const saved = await saveSearch(ctx.db, { projectId: f.project.id, userId: f.coder1.id, name: 'Channels', options });
    expect(saved).toMatchObject({ name: 'Channels', options, createdBy: f.coder1.id, createdByName: 'coder1' });
    await saveSearch(ctx.db, { projectId: f.project.id, userId: f.coder2.id, name: 'Anything', options: { ...EMPTY_SEARCH, q: 'a' } });
    expect((await savedSearchesOfProject(ctx.db, f.project.id)).map((s) => s.name)).toEqual(['Anything', 'Channels']);
    expect(await savedSearchesOfProject(ctx.db, f.other.id)).toEqual([]);

    const replaced = await saveSearch(ctx.db, { projectId: f.project.id, userId: f.coder1.id, name: 'Channels', options: { ...options, regex: true, q: 'әкім\\p{L}*' } });
    expect(replaced.id).toBe(saved.id);
    expect((await savedSearchesOfProject(ctx.db, f.project.id)).find((s) => s.id === saved.id)!.options).toMatchObject({ regex: true, q: 'әкім\\p{L}*' });

    await expect(saveSearch(ctx.db, { projectId: f.project.id, userId: f.coder2.id, name: 'Channels', options })).rejects.toThrow(SavedSearchError);
    await expect(deleteSavedSearch(ctx.db, { projectId: f.project.id, id: saved.id, userId: f.coder2.id, isLead: false })).rejects.toThrow(/author or a lead/);
    await expect(deleteSavedSearch(ctx.db, { projectId: f.other.id, id: saved.id, userId: f.outsider.id, isLead: true })).rejects.toThrow(/does not exist/);
    await deleteSavedSearch(ctx.db, { projectId: f.project.id, id: saved.id, userId: f.lead.id, isLead: true });
    expect((await savedSearchesOfProject(ctx.db, f.project.id)).map((s) => s.name)).toEqual(['Anything']);
  });
});
