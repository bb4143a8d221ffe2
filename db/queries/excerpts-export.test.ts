import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { SECRETS, seedExportFixture } from '../testing/export-fixture';
import { excerptExport, ExcerptFilterError } from './excerpts-export';
import { createSet } from './item-sets';

let ctx: ReturnType<typeof openTestDatabase>;
let f: Awaited<ReturnType<typeof seedExportFixture>>;
beforeEach(async () => {
  ctx = openTestDatabase();
  f = await seedExportFixture(ctx.db);
});
afterEach(() => ctx.close());

const all = () => [{ kind: 'consensus' as const }, { kind: 'coder' as const, coderId: f.coder1.id }, { kind: 'coder' as const, coderId: f.coder2.id }];
const run = (filter: Partial<Parameters<typeof excerptExport>[3]> = {}) => excerptExport(ctx.db, f.project.id, 'Fixture', { layers: all(), ...filter });

describe('excerptExport', () => {
  it('gives each excerpt its code, participants by label with non-private attributes, turns and translations', async () => {
    const data = await run({ layers: [{ kind: 'consensus' }] });
    expect(data.layers).toEqual(['Consensus']);
    expect(data.excerpts).toHaveLength(1);
    const [e] = data.excerpts;
    expect(e).toMatchObject({
      codingId: f.codings.consensus.id,
      documentTitle: 'FG01',
      documentAttributes: { city: 'Aktobe' },
      participants: [{ label: 'P1', attributes: { gender: 'Female', age: '34' } }],
      turns: [2],
      quote: 'әкімдікке e-Otinish арқылы жаздым 👍',
      layer: 'consensus',
      layerName: 'Consensus',
      memo: 'Clear example',
    });
    expect(e.translations.map((t) => [t.language, t.author])).toEqual([
      ['en', 'lead'],
      ['ru', 'coder1'],
    ]);
    expect(data.attributes.map((a) => `${a.scope}:${a.name}`)).toEqual(['participant:gender', 'participant:age', 'document:city']);
  });

  it('attributes a passage over two turns to both speakers and orders by codebook, then text', async () => {
    const data = await run();
    expect(data.excerpts.map((e) => [e.codeId, e.layerName, e.participants.map((p) => p.label).join('+')])).toEqual([
      [f.channels.id, 'coder2', 'P1+P2'],
      [f.channels.id, 'coder1', 'P2'],
      [f.eotinish.id, 'coder2', 'P1+P2'],
      [f.eotinish.id, 'Consensus', 'P1'],
    ]);
  });

  it('filters by code, subtree, documents and attribute values (bins too)', async () => {
    expect((await run({ codeIds: [f.eotinish.id] })).excerpts).toHaveLength(2);
    expect((await run({ subtreeIds: [f.channels.id] })).excerpts).toHaveLength(2);
    expect((await run({ documentIds: [f.doc.id] })).excerpts).toHaveLength(4);
    expect((await run({ attributes: [{ name: 'gender', values: ['Male'] }] })).excerpts.map((e) => e.codingId).sort()).toEqual(
      [f.codings.coder1.id, ...f.codings.both.map((c) => c.id)].sort(),
    );
    expect((await run({ attributes: [{ name: 'age', values: ['30–39'] }] })).excerpts).toHaveLength(3);
    expect((await run({ attributes: [{ name: 'city', values: ['Taraz'] }] })).excerpts).toHaveLength(0);
    expect((await run({ attributes: [{ name: 'document:city', values: ['Aktobe'] }], codeIds: [f.channels.id] })).filters).toEqual(['Code: Channels', 'city: Aktobe']);
    expect((await run({ layers: [] })).excerpts).toEqual([]);
  });

  it('filters by code, document and participant sets (set=<id>), naming them in the filters', async () => {
    const set = async (kind: 'code' | 'document' | 'participant', name: string, memberIds: number[]) => (await createSet(ctx.db, { projectId: f.project.id, kind, name, memberIds })).id;
    const digital = await set('code', 'Digital', [f.eotinish.id]);
    // the code set: e-Otinish's two excerpts (coder2's and the consensus's)
    const data = await run({ setIds: [digital] });
    expect(data.excerpts.map((e) => [e.codeId, e.layerName])).toEqual([
      [f.eotinish.id, 'coder2'],
      [f.eotinish.id, 'Consensus'],
    ]);
    expect(data.filters).toEqual(['Code set: Digital']);
    // with a code outside the set: nothing (the set narrows the codes asked for)
    expect((await run({ setIds: [digital], codeIds: [f.channels.id] })).excerpts).toHaveLength(0);
    expect((await run({ setIds: [await set('document', 'FG01 only', [f.doc.id])] })).excerpts).toHaveLength(4);
    expect((await run({ setIds: [await set('document', 'Empty', [])] })).excerpts).toHaveLength(0);
    // P1 speaks in three of the four: coder2's two passages over P1+P2, and the consensus's
    expect((await run({ setIds: [await set('participant', 'P1', [f.p1.id])] })).excerpts.map((e) => e.layerName)).toEqual(['coder2', 'coder2', 'Consensus']);
    await expect(run({ setIds: [999999] })).rejects.toThrow(/Set 999999 is not in this project/);
  });

  it('refuses filters naming what is not in the project, a private attribute included', async () => {
    await expect(run({ codeIds: [f.foreignCode.id] })).rejects.toThrow(ExcerptFilterError);
    await expect(run({ documentIds: [999] })).rejects.toThrow(/Document 999 is not in this project/);
    await expect(run({ attributes: [{ name: 'phone', values: ['+7 701 555 1234'] }] })).rejects.toThrow(/no attribute "phone"/);
  });

  it('gives the turn before and after, speakers by label (never the transcript’s speaker label)', async () => {
    const [e] = (await run({ layers: [{ kind: 'consensus' }], context: true })).excerpts;
    expect(e.contextBefore).toEqual([{ turn: 1, speaker: 'Moderator', text: 'Как вы обращаетесь к власти?' }]);
    expect(e.contextAfter).toEqual([{ turn: 3, speaker: 'P2', text: 'А я пишу в Instagram акимата.' }]);
  });

  it('carries no real name and no private value', async () => {
    const text = JSON.stringify(await run({ context: true }));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
