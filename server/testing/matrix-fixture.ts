/**
 * The project the authorization matrix runs against: db/testing/fixture (a lead, two assigned
 * coders, an outsider leading another project) plus one user per persona the matrix asks as,
 * and something for every entry point to act on — codings in each layer, translations, a
 * document attribute, a saved search, an auto-coding batch, API tokens. Blind mode is on.
 */
import type { Db } from '@/db/client';
import { createAttributeDefinition } from '@/db/queries/attribute-definitions';
import { applyAutocode } from '@/db/queries/autocode';
import { createCodings } from '@/db/queries/codings';
import { saveSearch } from '@/db/queries/saved-searches';
import { findHits } from '@/db/queries/search';
import { createApiToken } from '@/db/queries/users';
import { saveTranslation } from '@/db/queries/translations';
import { assignments, documents, members, participants, turns, users } from '@/db/schema';
import { seedFixture } from '@/db/testing/fixture';
import { newApiToken } from '@/lib/auth/token';
import { buildCanonicalText, countWords } from '@/lib/text/canonical';
import { EMPTY_SEARCH } from '@/lib/search/options';

/** Who the matrix asks as. */
export const PERSONAS = ['anon', 'viewer', 'coder', 'unassigned', 'foreign', 'lead', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];

export const PERSONA_LABELS: Record<Persona, string> = {
  anon: 'signed out',
  viewer: 'viewer',
  coder: 'coder (assigned)',
  unassigned: 'coder (unassigned)',
  foreign: 'coder of another project',
  lead: 'lead',
  admin: 'instance admin (no membership)',
};

const DOC2_TURNS = [
  { kind: 'moderator' as const, text: 'Что для вас значат выборы?' },
  { kind: 'participant' as const, text: 'Сайлау — бұл менің дауысым.' },
];

export type MatrixFixture = Awaited<ReturnType<typeof seedMatrixFixture>>;

export async function seedMatrixFixture(db: Db) {
  const f = seedFixture(db);
  const addUser = (name: string, isAdmin = false) =>
    db.insert(users).values({ email: `${name}@test.kz`, name, passwordHash: 'x', isAdmin }).returning().get();
  const viewer = addUser('viewer');
  const coder3 = addUser('coder3');
  const foreignCoder = addUser('foreign-coder');
  const admin = addUser('admin', true);
  const spare = addUser('spare');
  const leaving = addUser('leaving');
  db.insert(members)
    .values([
      { projectId: f.project.id, userId: viewer.id, role: 'viewer' },
      { projectId: f.project.id, userId: coder3.id, role: 'coder' },
      { projectId: f.project.id, userId: leaving.id, role: 'viewer' },
      { projectId: f.other.id, userId: foreignCoder.id, role: 'coder' },
    ])
    .run();

  // A second document, assigned to coder 1 and to the lead (a lead who codes), coded by coder 1 only.
  const doc2 = db.insert(documents).values({ projectId: f.project.id, title: 'FG02' }).returning().get();
  const doc2Speaker = db.insert(participants).values({ projectId: f.project.id, documentId: doc2.id, label: 'P1' }).returning().get();
  const built = buildCanonicalText(DOC2_TURNS);
  db.insert(turns)
    .values(
      DOC2_TURNS.map((t, i) => ({
        documentId: doc2.id,
        seq: i + 1,
        speakerKind: t.kind,
        participantId: t.kind === 'participant' ? doc2Speaker.id : null,
        speakerLabel: t.kind === 'moderator' ? 'Модератор' : 'P1',
        start: built.ranges[i].start,
        end: built.ranges[i].end,
        text: t.text,
        wordCount: countWords(t.text),
      })),
    )
    .run();
  db.insert(assignments)
    .values([
      { projectId: f.project.id, documentId: doc2.id, coderId: f.coder1.id },
      { projectId: f.project.id, documentId: doc2.id, coderId: f.lead.id },
    ])
    .run();

  const code = async (coderId: number | 'consensus', documentId: number, start: number, end: number, codeId = f.eotinish.id) =>
    (await createCodings(db, {
      projectId: f.project.id,
      documentId,
      codeIds: [codeId],
      start,
      end,
      layer: coderId === 'consensus' ? { kind: 'consensus' } : { kind: 'coder', coderId },
      actorId: coderId === 'consensus' ? f.lead.id : coderId,
    }))[0];
  const p1 = f.ranges[1];
  const p2 = f.ranges[2];
  const codings = {
    coder1: await code(f.coder1.id, f.doc.id, p1.start, p1.end),
    // coder 2 reads the passage differently: a disagreement for the lead to resolve
    coder2: await code(f.coder2.id, f.doc.id, p1.start, p1.start + 13),
    coder2b: await code(f.coder2.id, f.doc.id, p2.start, p2.end, f.channels.id),
    // a coding of coder 3 from when they were assigned
    coder3: await code(coder3.id, f.doc.id, p2.start, p2.end),
    lead: await code(f.lead.id, f.doc.id, p2.start, p2.end),
    consensus: await code('consensus', f.doc.id, p1.start, p1.end),
    coder1doc2: await code(f.coder1.id, doc2.id, built.ranges[1].start, built.ranges[1].end),
  };
  for (const [coding, by] of [
    [codings.coder1, f.coder1.id],
    [codings.coder2, f.coder2.id],
    [codings.consensus, f.lead.id],
  ] as const) {
    await saveTranslation(db, { projectId: f.project.id, codingId: coding.id, language: 'en', text: 'I wrote through e-Otinish', actorId: by });
  }

  const attribute = await createAttributeDefinition(db, { projectId: f.project.id, userId: f.lead.id }, { scope: 'document', name: 'city', type: 'category', values: ['Almaty', 'Semey'] });

  const savedSearch = await saveSearch(db, { projectId: f.project.id, userId: f.coder1.id, name: 'akimat', options: { ...EMPTY_SEARCH, q: 'акимата' } });
  const searchOptions = { ...EMPTY_SEARCH, q: 'Instagram' };
  const found = await findHits(db, f.project.id, searchOptions, { codedLayer: { kind: 'coder', coderId: f.coder1.id }, markCodeId: f.channels.id });
  const batch = await applyAutocode(db, {
    projectId: f.project.id,
    codeId: f.channels.id,
    coderId: f.coder1.id,
    extent: 'match',
    hits: found.hits,
    mayWrite: () => true,
    actorId: f.coder1.id,
    summary: { q: searchOptions.q, regex: false, selected: null },
  });
  if (batch.batchId == null) throw new Error('The matrix fixture expected an auto-coding batch');

  const people = { viewer, coder: f.coder1, unassigned: coder3, foreign: foreignCoder, lead: f.lead, admin } as const;
  const userIds: Record<Persona, number | null> = {
    anon: null,
    viewer: viewer.id,
    coder: f.coder1.id,
    unassigned: coder3.id,
    foreign: foreignCoder.id,
    lead: f.lead.id,
    admin: admin.id,
  };
  // Each persona has an API token (for the route handlers) and a second one to revoke.
  const tokens = {} as Record<Persona, string | null>;
  const revocable = {} as Record<Persona, number | null>;
  tokens.anon = null;
  revocable.anon = null;
  for (const [persona, user] of Object.entries(people) as Array<[Persona, { id: number }]>) {
    const t = newApiToken();
    await createApiToken(db, user.id, 'matrix', t.hash, t.prefix);
    tokens[persona] = t.token;
    const spareToken = newApiToken();
    revocable[persona] = (await createApiToken(db, user.id, 'to revoke', spareToken.hash, spareToken.prefix)).id;
  }

  return {
    ...f,
    viewer,
    coder3,
    foreignCoder,
    admin,
    spare,
    leaving,
    doc2,
    doc2Text: built.text,
    codings,
    attribute,
    savedSearch,
    autocodeBatchId: batch.batchId,
    userIds,
    tokens,
    revocable,
  };
}
