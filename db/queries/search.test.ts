import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_WITH_UNICODE } from '@/lib/search/fts-data';
import { searchIndexMigrationSql } from '@/lib/search/fts-schema';
import { EMPTY_SEARCH, type SearchOptions } from '@/lib/search/options';
import { foldedWordsOf } from '@/lib/search/words';
import { documents, turns } from '../schema';
import { openTestDatabase } from '../testing';
import { createCodings, documentText } from './codings';
import { correctTranscript } from './corrections';
import { findHits, SearchError } from './search';
import { rebuildSearchIndex, searchIndexProblems } from './search-index';
import { searchProject } from './search-results';
import { seedSearchFixture, type SearchFixture } from './testing/search';

let ctx: ReturnType<typeof openTestDatabase>;
let f: SearchFixture;
let extra: SearchFixture['extra'];

beforeEach(() => {
  ctx = openTestDatabase();
  f = seedSearchFixture(ctx.db);
  extra = f.extra;
});
afterEach(() => ctx.close());

const mine = () => ({ codedLayer: { kind: 'coder' as const, coderId: f.coder1.id } });

async function search(q: string, options: Partial<SearchOptions> = {}) {
  return searchProject(ctx.db, f.project.id, { ...EMPTY_SEARCH, q, ...options }, mine());
}

/** Each hit as the text it points at in its document's canonical text (checked against the snippet). */
async function hitTexts(q: string, options: Partial<SearchOptions> = {}): Promise<string[]> {
  const r = await search(q, options);
  const texts: string[] = [];
  for (const h of r.hits) {
    const text = (await documentText(ctx.db, h.documentId)).slice(h.start, h.end);
    expect(h.snippet.match).toBe(text);
    texts.push(text);
  }
  return texts;
}

describe('the search index migration', () => {
  it('is the SQL that lib/search/fts-schema.ts writes (a change there needs a new migration)', () => {
    const file = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', '0003_search_index.sql'), 'utf8');
    expect(file.trim()).toBe(searchIndexMigrationSql().trim());
  });

  it.skipIf(process.versions.unicode !== GENERATED_WITH_UNICODE)(
    'cuts and folds words exactly as lib/search/words.ts does, for every character of the BMP and the emoji blocks',
    () => {
      const client = ctx.db.$client;
      client.exec("CREATE VIRTUAL TABLE temp.turns_fts_terms USING fts5vocab(main, 'turns_fts', 'instance')");
      const doc = ctx.db.insert(documents).values({ projectId: f.project.id, title: 'Every character' }).returning().get();
      const codePoints: number[] = [];
      // Assigned characters only: unicode61 takes characters it does not know for letters.
      const assigned = (c: number) => !/\p{Cn}/u.test(String.fromCodePoint(c));
      for (let c = 0x21; c < 0x10000; c++) if ((c < 0xd800 || c >= 0xe000) && assigned(c)) codePoints.push(c);
      for (let c = 0x1f000; c < 0x1fc00; c++) if (assigned(c)) codePoints.push(c);
      const insert = client.prepare('INSERT INTO turns (document_id, seq, speaker_kind, start, "end", text) VALUES (?, ?, ?, 0, 0, ?)');
      const texts: string[] = [];
      client.transaction(() => {
        for (let i = 0; i < codePoints.length; i += 200) {
          // Each character between two letters, upper and lower case: "Qx q Qxq" shows both how it cuts and how it folds.
          const text = codePoints
            .slice(i, i + 200)
            .map((c) => `Q${String.fromCodePoint(c)}q`)
            .join(' ');
          texts.push(text);
          insert.run(doc.id, texts.length, 'unknown', text);
        }
      })();
      const ids = client.prepare('SELECT id FROM turns WHERE document_id = ? ORDER BY seq').all(doc.id) as Array<{ id: number }>;
      const terms = client.prepare('SELECT term FROM temp.turns_fts_terms WHERE doc = ? ORDER BY offset').pluck();
      const mismatches: string[] = [];
      ids.forEach(({ id }, i) => {
        if (JSON.stringify(terms.all(id)) === JSON.stringify(foldedWordsOf(texts[i]))) return;
        // Find the characters: each piece of the turn on its own.
        for (const piece of texts[i].split(' ')) {
          const r = insert.run(doc.id, 100_000 + mismatches.length, 'unknown', piece);
          const fts = terms.all(Number(r.lastInsertRowid));
          if (JSON.stringify(fts) !== JSON.stringify(foldedWordsOf(piece))) mismatches.push(`U+${piece.codePointAt(1)!.toString(16)}`);
        }
      });
      expect(mismatches.slice(0, 20)).toEqual([]);
    },
  );
});

describe('search semantics', () => {
  it('folds Kazakh capitals: Ә/ә, Қ/қ, Ү/ү, І/і and the rest match either way', async () => {
    expect(await hitTexts('ӘКІМДІККЕ')).toEqual(['әкімдікке', 'Әкімдікке']);
    expect(await hitTexts('құрметті')).toEqual(['ҚҰРМЕТТІ']);
    expect(await hitTexts('ЕШТЕҢЕ БІЛМЕЙМІН')).toEqual(['ештеңе', 'білмеймін']);
    expect(await hitTexts('"ештеңе білмеймін"')).toEqual(['ештеңе білмеймін']);
    for (const [upper, lower] of ['Әә', 'Ғғ', 'Ққ', 'Ңң', 'Өө', 'Ұұ', 'Үү', 'Һһ', 'Іі'].map((p) => [...p])) {
      const doc = ctx.db.insert(documents).values({ projectId: f.project.id, title: `Pair ${upper}` }).returning().get();
      const text = `${upper}${lower}${upper}ба`;
      ctx.db.insert(turns).values({ documentId: doc.id, seq: 1, speakerKind: 'unknown', start: 0, end: text.length, text }).run();
      expect(await hitTexts(`${lower}${upper}${lower}БА`)).toEqual([text]);
      expect(await hitTexts(`${upper}${upper}*`)).toEqual([text]);
    }
  });

  it('finds Russian words in any case, prefixes and phrases', async () => {
    expect(await hitTexts('петиция')).toEqual(['Петиция', 'ПЕТИЦИЯ']);
    expect(await hitTexts('петиц*')).toEqual(['петицию', 'Петиция', 'ПЕТИЦИЯ', 'Петициялар']);
    expect(await hitTexts('"электронную петицию"')).toEqual(['электронную петицию']);
    expect(await hitTexts('e-Otinish')).toEqual(['e-Otinish', 'e-Otinish']);
  });

  it('combines with AND, OR and NOT per turn', async () => {
    expect(await hitTexts('петиция AND дороги')).toEqual(['Петиция', 'дороги']);
    expect(await hitTexts('петиция OR instagram')).toEqual(['Instagram', 'Петиция', 'ПЕТИЦИЯ']);
    expect(await hitTexts('петиция NOT дороги')).toEqual(['ПЕТИЦИЯ']);
    expect(await hitTexts('(петиция OR әкім*) NOT голос')).toEqual(['әкімдікке', 'Петиция', 'әкім']);
  });

  it('counts overlapping occurrences of a phrase as one hit, whichever way it counts', async () => {
    const doc = ctx.db.insert(documents).values({ projectId: f.project.id, title: 'Repeats' }).returning().get();
    const text = 'Да да да, и ещё раз: да, ДА.';
    ctx.db.insert(turns).values({ documentId: doc.id, seq: 1, speakerKind: 'unknown', start: 0, end: text.length, text }).run();
    expect(await hitTexts('"да да"')).toEqual(['Да да да', 'да, ДА']);
    const full = await findHits(ctx.db, f.project.id, { ...EMPTY_SEARCH, q: '"да да"' }, mine());
    expect(full.hits).toHaveLength(2);
    expect((await search('"да да"')).documents.map((d) => d.hits)).toEqual([2]);
    const counted = await searchProject(ctx.db, f.project.id, { ...EMPTY_SEARCH, q: '"да да"' }, { ...mine(), rarePhraseTurns: 0 });
    expect(counted.documents.map((d) => d.hits)).toEqual([2]);
    expect(counted.hits.map((h) => h.snippet.match)).toEqual(['Да да да', 'да, ДА']);
  });

  it('finds a word glued to an emoji newer than unicode61 knows', async () => {
    expect(await hitTexts('писала')).toEqual(['писала']);
  });

  it('reports counts per document with public attributes, speakers, and an empty state', async () => {
    const r = await search('петиц* OR әкімдікке');
    expect(r.total).toBe(6);
    expect(r.turns).toBe(4);
    expect(r.documents.map((d) => [d.title, d.hits, d.attributes])).toEqual([
      ['FG01', 1, { language: 'Kazakh' }],
      ['FG02', 5, { language: 'Russian' }],
    ]);
    const last = r.hits[r.hits.length - 1];
    expect(last.speaker).toEqual({ kind: 'participant', label: 'P1', participantId: extra.q1.id });
    expect(last.turnSeq).toBe(4);
    expect(r.participants[extra.q1.id]).toEqual({ label: 'P1', attributes: { age: '52' } });
    const empty = await search('  ');
    expect(empty).toMatchObject({ empty: true, total: 0, hits: [] });
  });

  it('pages the hits', async () => {
    const r = await searchProject(ctx.db, f.project.id, { ...EMPTY_SEARCH, q: 'петиц*' }, { ...mine(), offset: 1, limit: 2 });
    expect(r.total).toBe(4);
    expect(r.hits.map((h) => h.snippet.match)).toEqual(['Петиция', 'ПЕТИЦИЯ']);
  });

  it('rejects a malformed query with a message, not an exception of the database', async () => {
    for (const [q, code] of [
      ['"e-Otinish', 'unclosedQuote'],
      ['NOT петиция', 'leadingNot'],
      ['петиция OR', 'missingOperand'],
      ['ә*кім', 'misplacedStar'],
      ['(a', 'unclosedParen'],
    ] as const) {
      const err = await search(q).catch((e) => e);
      expect(err, q).toBeInstanceOf(SearchError);
      expect(err.reason).toBe(`search.${code}`);
      expect(err.message.length).toBeGreaterThan(10);
    }
  });
});

describe('filters', () => {
  it('by document attribute, participant attribute bin and speaker', async () => {
    expect(await hitTexts('әкімдікке', { document: [{ attributeId: extra.language.id, values: ['Russian'] }] })).toEqual(['Әкімдікке']);
    expect(await hitTexts('петиц*', { participant: [{ attributeId: extra.age.id, values: ['18–29'] }] })).toEqual(['ПЕТИЦИЯ']);
    expect(await hitTexts('петиц*', { participant: [{ attributeId: extra.age.id, values: ['18–29', '45–60'] }] })).toHaveLength(4);
    expect(await hitTexts('каналы OR петиция', { speakers: 'moderator' })).toEqual(['каналы']);
    expect(await hitTexts('каналы OR петиция', { speakers: 'participants' })).toEqual(['Петиция', 'ПЕТИЦИЯ']);
  });

  it('refuses an attribute of another scope or project', async () => {
    const err = await search('петиция', { document: [{ attributeId: extra.age.id, values: ['18–29'] }] }).catch((e) => e);
    expect(err).toBeInstanceOf(SearchError);
    expect(err.reason).toBe('search.unknownAttribute');
  });

  it('by whether the hit is already coded with a code in my layer', async () => {
    const text = await documentText(ctx.db, extra.doc.id);
    const s = text.indexOf('ПЕТИЦИЯ');
    await createCodings(ctx.db, {
      projectId: f.project.id, documentId: extra.doc.id, codeIds: [f.channels.id], start: s, end: s + 20,
      layer: { kind: 'coder', coderId: f.coder1.id }, actorId: f.lead.id,
    });
    const coded = { codeId: f.channels.id, state: 'coded' as const };
    expect(await hitTexts('петиция', { coded })).toEqual(['ПЕТИЦИЯ']);
    expect(await hitTexts('петиция', { coded: { ...coded, state: 'uncoded' } })).toEqual(['Петиция']);
    // coder2's layer has no such coding
    const theirs = await findHits(ctx.db, f.project.id, { ...EMPTY_SEARCH, q: 'петиция', coded }, { codedLayer: { kind: 'coder', coderId: f.coder2.id } });
    expect(theirs.hits).toEqual([]);
  });
});

describe('the index follows the turns', () => {
  it('finds the corrected text and not the old one after correctTranscript', async () => {
    expect(await hitTexts('Instagram')).toEqual(['Instagram']);
    await correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'А я пишу в Telegram-канал акимата.' },
    });
    expect(await hitTexts('Instagram')).toEqual([]);
    expect(await hitTexts('telegram')).toEqual(['Telegram']);
    await correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 2, actorId: f.lead.id, op: { op: 'split', index: 1, at: 14 } });
    const [hit] = (await search('e-Otinish', { document: [{ attributeId: extra.language.id, values: ['Kazakh'] }] })).hits;
    expect(hit.turnSeq).toBe(3);
    expect((await documentText(ctx.db, f.doc.id)).slice(hit.start, hit.end)).toBe('e-Otinish');
  });

  it('follows direct updates and deletes of turns, and of whole documents', async () => {
    ctx.db.$client.prepare('UPDATE turns SET text = ? WHERE document_id = ? AND seq = 1').run('Как вы пишете в e-Gov?', f.doc.id);
    expect(await hitTexts('"e gov"')).toHaveLength(1);
    ctx.db.$client.prepare('DELETE FROM documents WHERE id = ?').run(extra.doc.id);
    expect(await hitTexts('петиц*')).toEqual([]);
    const left = ctx.db.$client.prepare('SELECT count(*) FROM turns_fts').pluck().get();
    expect(left).toBe(3);
  });
});

describe('regex mode', () => {
  it('finds matches case-insensitively, with the filters', async () => {
    expect(await hitTexts('петици[яю]', { regex: true })).toEqual(['петицию', 'Петиция', 'ПЕТИЦИЯ', 'Петиция']);
    expect(await hitTexts('әкім\\p{L}*', { regex: true, speakers: 'participants' })).toEqual(['әкімдікке', 'Әкімдікке', 'әкім']);
  });

  it('stops a catastrophic pattern at the time limit with a message', async () => {
    ctx.db.$client.prepare('UPDATE turns SET text = ? WHERE document_id = ? AND seq = 1').run(`${'a'.repeat(40)}!`, f.doc.id);
    const err = await findHits(ctx.db, f.project.id, { ...EMPTY_SEARCH, q: '(a+)+$', regex: true }, { ...mine(), regexTimeLimitMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(SearchError);
    expect(err.reason).toBe('search.regexTimeout');
    const bad = await search('(a', { regex: true }).catch((e) => e);
    expect(bad.reason).toBe('search.invalidRegex');
  });
});

describe('index maintenance', () => {
  it('finds nothing wrong after imports and corrections, finds what is, and rebuilds', async () => {
    await correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id, op: { op: 'merge', index: 1 } });
    expect(await searchIndexProblems(ctx.db)).toEqual([]);
    const client = ctx.db.$client;
    client.exec('DROP TRIGGER turns_fts_update');
    client.prepare('UPDATE turns SET text = ? WHERE document_id = ? AND seq = 1').run('Совсем другой текст', f.doc.id);
    client.prepare('DELETE FROM turns_fts WHERE rowid = (SELECT max(id) FROM turns)').run();
    expect(await searchIndexProblems(ctx.db)).toEqual(['1 turns are missing from the search index', '1 turns have other text in the search index']);
    await rebuildSearchIndex(ctx.db);
    expect(await searchIndexProblems(ctx.db)).toEqual([]);
    expect(await hitTexts('другой')).toEqual(['другой']);
  });
});
