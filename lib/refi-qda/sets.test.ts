/**
 * `<Sets>` (ATLAS.ti's code and document groups) read and written, and `<Graphs>` and links
 * between items (not from notes) reported by name as not imported (issue #18 item 4).
 */
import { describe, expect, it } from 'vitest';
import { seededGuids } from './guid';
import { readQde, readQdpx } from './read';
import { schemaTestMode, sharedFile, xmllint, zipOf } from './test-support';
import type { RefiProject } from './types';
import { writeQde } from './write';

const NOW = new Date('2024-11-21T12:00:00Z');
const TEXT = 'Модератор: Қалай?\nАйгерім: e-Otinish арқылы.';

function project(): RefiProject {
  return {
    name: 'Sets',
    users: [{ guid: 'user:1', name: 'Aigerim' }],
    codes: [
      { guid: 'code:1', name: 'Channels', children: [{ guid: 'code:2', name: 'e-Otinish', children: [] }] },
      { guid: 'code:3', name: 'Trust', children: [] },
    ],
    variables: [],
    cases: [],
    sources: [
      { guid: 'src:1', name: 'FG01', text: TEXT, variableValues: [], selections: [{ guid: 'sel:1', start: 18, end: 26, creatingUserGuid: 'user:1', codeGuids: ['code:2'] }] },
      { guid: 'src:2', name: 'FG02', text: TEXT, variableValues: [], selections: [] },
    ],
    notes: [{ guid: 'note:1', text: 'A memo', targetGuids: ['code:3'] }],
    sets: [
      { guid: 'set:1', name: 'Digital channels', description: 'Онлайн', codeGuids: ['code:2', 'code:3'], sourceGuids: [] },
      { guid: 'set:2', name: 'Almaty groups', codeGuids: [], sourceGuids: ['src:2'] },
    ],
  };
}

/** Our .qdpx, its project.qde edited first. */
function qdpx(edit: (xml: string) => string = (x) => x): Uint8Array {
  const { xml, files } = writeQde(project(), { newGuid: seededGuids('sets'), now: NOW });
  return zipOf({ 'project.qde': edit(xml), ...Object.fromEntries([...files].map(([name, text]) => [`sources/${name}`, text])) });
}

/** Our export with a graph and a link between two codes added, as ATLAS.ti writes them. */
function withGraphsAndLinks(xml: string, codeA: string, codeB: string): string {
  const link = `<Link guid="7b56978e-9d9f-4d47-b4ec-436e2f6b8be5" name="is cause of" direction="OneWay" originGUID="${codeA}" targetGUID="${codeB}"/>`;
  const graph = '<Graphs><Graph guid="11111111-2222-3333-4444-555555555555" name="Channels network"><Vertex guid="11111111-2222-3333-4444-555555555556" name="v" firstX="0" firstY="0"/></Graph></Graphs>\n';
  const linked = xml.includes('</Links>') ? xml.replace('</Links>', `${link}</Links>`) : xml.replace('<Sets>', `<Links>${link}</Links>\n<Sets>`);
  return linked.replace('</Sets>\n', `</Sets>\n${graph}`);
}

describe('REFI-QDA sets', () => {
  it('writes sets and reads them back with their code and source members', () => {
    const { xml } = writeQde(project(), { newGuid: seededGuids('sets'), now: NOW });
    expect(xml).toContain('<Sets>');
    const { project: back, problems } = readQdpx(qdpx());
    const codeName = new Map(back.codes.flatMap((c) => [c, ...c.children]).map((c) => [c.guid, c.name]));
    const sourceName = new Map(back.sources.map((s) => [s.guid, s.name]));
    expect(back.sets!.map((s) => [s.name, s.description, s.codeGuids.map((g) => codeName.get(g)), s.sourceGuids.map((g) => sourceName.get(g))])).toEqual([
      ['Digital channels', 'Онлайн', ['e-Otinish', 'Trust'], []],
      ['Almaty groups', undefined, [], ['FG02']],
    ]);
    expect(problems.filter((p) => p.kind === 'not-imported')).toEqual([]);
  });

  it('reports graphs and links between items by name as not imported, keeping the note links', () => {
    const first = readQdpx(qdpx()).project;
    const [a, b] = [first.codes[0].guid, first.codes[1].guid];
    const { project: back, problems } = readQdpx(qdpx((xml) => withGraphsAndLinks(xml, a, b)));
    const notImported = problems.filter((p) => p.kind === 'not-imported');
    expect(notImported.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(notImported[0].message).toContain('1 link(s) between items are not imported');
    expect(notImported[0].message).toContain('is cause of');
    expect(notImported[1].message).toContain('1 graph(s) (network views) are not imported: Channels network');
    // the memo's link (from a note) is still followed
    expect(back.notes[0].targetGuids).toEqual([b]);
  });

  it('reads the code and document groups of a real ATLAS.ti 8.4 project', () => {
    const { project: atlas } = readQde(sharedFile('real/atlasti8.4-mac_refi-standard-project.qde'), { onUnplaceable: 'omit' });
    const names = (atlas.sets ?? []).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Mabel', 'gender: male', 'Text files']));
    // without its source files the .qde has no text sources to import: members are only known codes and sources
    const sourceGuids = new Set(atlas.sources.map((s) => s.guid));
    const codeGuids = new Set(atlas.codes.flatMap(function all(c): string[] { return [c.guid, ...c.children.flatMap(all)]; }));
    for (const set of atlas.sets!) {
      expect(set.sourceGuids.every((g) => sourceGuids.has(g))).toBe(true);
      expect(set.codeGuids.every((g) => codeGuids.has(g))).toBe(true);
    }
  });
});

describe.runIf(schemaTestMode() === 'run')('sets against the schema (xmllint, Project-mrt2019.xsd)', () => {
  it('validates an export with sets, and one with graphs and links added', () => {
    const { xml } = writeQde(project(), { newGuid: seededGuids('sets'), now: NOW });
    const r = xmllint(xml);
    expect(r.valid, r.output).toBe(true);
    const first = readQdpx(qdpx()).project;
    expect(xmllint(withGraphsAndLinks(xml, first.codes[0].guid, first.codes[1].guid)).valid).toBe(true);
  });
});
