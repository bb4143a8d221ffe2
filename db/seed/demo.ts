/**
 * Seeds the synthetic demo study — 16 focus groups in 8 Kazakhstani cities, 98 invented
 * participants, a two-level codebook, two coders' overlapping layers and a partial
 * consensus — into an empty database. The study's shape (sample totals, guide questions,
 * themes) follows the published study; every utterance and person is made up.
 */
import { count, inArray } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../client';
import { assignments, attributeDefinitions, codes, documentAttributeValues, documents, instanceSettings, members, memos, participantAttributeValues, participants, projects, users } from '../schema';
import { CODEBOOK, type CodeKey } from './demo/codebook';
import { MODERATOR_LABEL } from './demo/guide';
import { AGE_BINS, CITIES, YEARS_IN_CITY_BINS } from './demo/sample';
import { buildDemoStudy, DEMO_USERS, DOUBLE_CODED, type UserKey } from './demo/study';
import type { AttributeBin } from '@/lib/attributes/types';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_PROJECT_NAME = 'Political participation in Kazakhstan — focus groups, November 2024';

export const DEMO_PROJECT_DESCRIPTION =
  'SYNTHETIC DEMO DATA. All transcripts, participants and codings in this project are synthetic: ' +
  'written for demonstration, not real research data. Its shape follows a published study of ' +
  'political participation in Kazakhstan (16 focus groups in Almaty, Aktau, Aktobe, Kyzylorda, Taraz, ' +
  'Karaganda, Pavlodar and Semey, November 2024; 98 participants aged 19–60), but every utterance, ' +
  'person and coding was invented for this demo.';


/** Codings one coder makes in a working day (09:00–15:00, one every three minutes). */
const CODINGS_PER_DAY = 120;

/** A fixed instant, so that seeding twice gives identical rows. */
function at(iso: string, plusMinutes = 0): Date {
  return new Date(Date.parse(iso) + plusMinutes * 60_000);
}

interface AttributeSpec {
  scope: 'document' | 'participant';
  name: string;
  type: 'category' | 'number' | 'date';
  values?: string[];
  bins?: AttributeBin[];
}

const ATTRIBUTES: AttributeSpec[] = [
  { scope: 'document', name: 'city', type: 'category', values: CITIES.map((c) => c.name) },
  { scope: 'document', name: 'region', type: 'category', values: CITIES.map((c) => c.region) },
  { scope: 'document', name: 'language', type: 'category', values: ['Russian', 'Kazakh'] },
  { scope: 'document', name: 'date', type: 'date' },
  { scope: 'participant', name: 'gender', type: 'category', values: ['Female', 'Male'] },
  { scope: 'participant', name: 'age', type: 'number', bins: AGE_BINS },
  { scope: 'participant', name: 'education', type: 'category', values: ['Higher', 'Secondary / specialised secondary'] },
  { scope: 'participant', name: 'years in city', type: 'number', bins: YEARS_IN_CITY_BINS },
];

/**
 * Seeds the demo study into an empty database in one transaction. Throws, writing nothing,
 * when a demo user's email is already taken (the demo was seeded before, say). The demo
 * accounts are marked as such; seeded into an instance with no account yet, the instance
 * becomes a demo instance (where admin@demo.test is an admin). Seeded beside real accounts,
 * it does not: there no demo account has admin rights.
 */
/** The synchronous drizzle transaction the seed runs in. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function seedDemo(db: Db): { projectId: number } {
  const study = buildDemoStudy();
  // bcrypt is deliberately slow: hash once, share the hash.
  const passwordHash = hashPassword(DEMO_PASSWORD);
  return db.transaction((tx) => {
    const taken = tx
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.email, DEMO_USERS.map((u) => u.email)))
      .all();
    if (taken.length > 0) {
      throw new Error(`Cannot seed the demo study: ${taken.map((u) => u.email).join(', ')} already exist`);
    }
    // markDemoInstance's row, written here: the seed is one synchronous transaction.
    if (tx.select({ n: count() }).from(users).get()!.n === 0) {
      tx.insert(instanceSettings).values({ key: 'demo', value: '1' }).onConflictDoUpdate({ target: instanceSettings.key, set: { value: '1' } }).run();
    }
    return insertStudy(tx, db.$client, study, passwordHash);
  });
}

/**
 * Writes the study. The two large tables (turns, codings: thousands of rows) go through
 * prepared statements on the same connection, inside the caller's transaction.
 */
function insertStudy(tx: Tx, client: Db['$client'], study: ReturnType<typeof buildDemoStudy>, passwordHash: string): { projectId: number } {
  const userRows = tx
    .insert(users)
    .values(
      DEMO_USERS.map((u, i) => ({
        email: u.email,
        name: u.name,
        passwordHash,
        isAdmin: u.isAdmin,
        isDemo: true,
        createdAt: at('2024-12-02T09:00:00Z', i),
      })),
    )
    .returning({ id: users.id, email: users.email })
    .all();
  const userId = (key: UserKey): number => {
    const email = DEMO_USERS.find((u) => u.key === key)!.email;
    return userRows.find((r) => r.email === email)!.id;
  };

  const projectCreated = at('2024-12-02T09:30:00Z');
  const [{ id: projectId }] = tx
    .insert(projects)
    .values({
      name: DEMO_PROJECT_NAME,
      description: DEMO_PROJECT_DESCRIPTION,
      isDemo: true,
      blindMode: true,
      createdAt: projectCreated,
    })
    .returning({ id: projects.id })
    .all();

  tx.insert(members)
    .values(
      DEMO_USERS.filter((u) => u.role !== null).map((u) => ({
        projectId,
        userId: userId(u.key),
        role: u.role!,
        createdAt: projectCreated,
      })),
    )
    .run();

  const attributeRows = tx
    .insert(attributeDefinitions)
    .values(
      ATTRIBUTES.map((a, i) => ({
        projectId,
        scope: a.scope,
        name: a.name,
        type: a.type,
        values: a.values ?? [],
        bins: a.bins ?? [],
        sortOrder: i,
      })),
    )
    .returning({ id: attributeDefinitions.id, name: attributeDefinitions.name })
    .all();
  const attributeId = (name: string): number => attributeRows.find((r) => r.name === name)!.id;

  const documentRows = tx
    .insert(documents)
    .values(
      study.transcripts.map((t, i) => {
        const created = at('2024-12-03T10:00:00Z', i * 5);
        return { projectId, title: t.group.title, sortOrder: i, createdAt: created, updatedAt: created };
      }),
    )
    .returning({ id: documents.id, title: documents.title })
    .all();
  const documentIds = study.transcripts.map((t) => documentRows.find((r) => r.title === t.group.title)!.id);
  const documentId = (index: number): number => documentIds[index];

  tx.insert(documentAttributeValues)
    .values(
      study.transcripts.flatMap((t, i) => {
        const documentIdValue = documentId(i);
        const value = (name: string, v: string) => ({ documentId: documentIdValue, attributeId: attributeId(name), value: v, numValue: null });
        return [
          value('city', t.group.city.name),
          value('region', t.group.city.region),
          value('language', t.group.language === 'kk' ? 'Kazakh' : 'Russian'),
          value('date', t.group.date),
        ];
      }),
    )
    .run();

  const participantRows = tx
    .insert(participants)
    .values(
      study.transcripts.flatMap((t, i) =>
        t.participants.map((p) => ({
          projectId,
          documentId: documentId(i),
          label: p.label,
          realName: null,
          createdAt: at('2024-12-03T10:00:00Z', i * 5),
        })),
      ),
    )
    .returning({ id: participants.id, documentId: participants.documentId, label: participants.label })
    .all();
  const participantIds = new Map(participantRows.map((r) => [`${r.documentId}:${r.label}`, r.id]));
  const participantId = (document: number, label: string): number => participantIds.get(`${documentId(document)}:${label}`)!;

  tx.insert(participantAttributeValues)
    .values(
      study.transcripts.flatMap((t, i) =>
        t.participants.flatMap((p) => {
          const id = participantId(i, p.label);
          const category = (name: string, value: string) => ({ participantId: id, attributeId: attributeId(name), value, numValue: null });
          const number = (name: string, n: number) => ({ participantId: id, attributeId: attributeId(name), value: String(n), numValue: n });
          return [category('gender', p.gender), number('age', p.age), category('education', p.education), number('years in city', p.yearsInCity)];
        }),
      ),
    )
    .run();

  const insertTurn = client.prepare(
    'INSERT INTO turns (document_id, seq, speaker_kind, participant_id, speaker_label, start, "end", text, word_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  study.transcripts.forEach((t, i) => {
    t.turns.forEach((turn, seq) => {
      const speaker = turn.speaker === null ? null : t.participants[turn.speaker];
      insertTurn.run(
        documentId(i),
        seq,
        speaker ? 'participant' : 'moderator',
        speaker ? participantId(i, speaker.label) : null,
        speaker ? speaker.label : MODERATOR_LABEL,
        turn.start,
        turn.end,
        turn.text,
        turn.wordCount,
      );
    });
  });

  const codeIds = new Map<CodeKey, number>();
  const codeCreated = at('2024-12-04T10:00:00Z');
  // Parents first: children need their parent's id.
  for (const level of [CODEBOOK.filter((c) => !c.parent), CODEBOOK.filter((c) => c.parent)]) {
    const rows = tx
      .insert(codes)
      .values(
        level.map((c) => ({
          projectId,
          parentId: c.parent ? codeIds.get(c.parent)! : null,
          name: c.name,
          color: c.color,
          description: c.description,
          inclusion: c.inclusion,
          exclusion: c.exclusion,
          example: c.example,
          shortcut: c.shortcut ?? null,
          sortOrder: sortOrderOf(c.key),
          createdAt: codeCreated,
          updatedAt: codeCreated,
        })),
      )
      .returning({ id: codes.id, name: codes.name })
      .all();
    for (const c of level) codeIds.set(c.key, rows.find((r) => r.name === c.name)!.id);
  }

  // A coder codes a transcript over a week of working days, 09:00–15:00, one coding every
  // three minutes; each double-coded transcript starts a week after the one before.
  const lastCodingAt = new Map<string, Date>();
  const perLayer = new Map<string, number>();
  const insertCoding = client.prepare(
    'INSERT INTO codings (project_id, document_id, code_id, layer, coder_id, start, "end", quote, memo, needs_review, previous_quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)',
  );
  const coderIds = new Map(DEMO_USERS.map((u) => [u.key, userId(u.key)]));
  for (const c of study.codings) {
    const layerKey = `${c.coder}:${c.document}`;
    const k = perLayer.get(layerKey) ?? 0;
    perLayer.set(layerKey, k + 1);
    const order = DOUBLE_CODED.indexOf(c.document);
    const day = c.layer === 'consensus' ? '2025-01-13' : c.coder === 'coder3' ? '2024-12-20' : '2024-12-09';
    const minutes = order * 7 * 1440 + Math.floor(k / CODINGS_PER_DAY) * 1440 + (k % CODINGS_PER_DAY) * 3 + (c.coder === 'coder2' ? 1 : 0);
    const created = at(`${day}T09:00:00Z`, minutes);
    lastCodingAt.set(layerKey, created);
    const ms = created.getTime();
    insertCoding.run(projectId, documentId(c.document), codeIds.get(c.code)!, c.layer, coderIds.get(c.coder)!, c.start, c.end, c.quote, c.memo, ms, ms);
  }

  tx.insert(assignments)
    .values(
      study.assignments.map((a) => ({
        projectId,
        documentId: documentId(a.document),
        coderId: userId(a.coder),
        status: a.status,
        updatedAt: lastCodingAt.get(`${a.coder}:${a.document}`) ?? at('2024-12-05T09:00:00Z'),
      })),
    )
    .run();

  tx.insert(memos)
    .values(
      study.memos.map((m, i) => {
        const created = at('2024-12-05T12:00:00Z', i * 10);
        return {
          projectId,
          targetKind: m.target,
          targetId: m.target === 'document' ? documentId(m.document!) : m.target === 'code' ? codeIds.get(m.code!)! : null,
          authorId: userId(m.author),
          text: m.text,
          createdAt: created,
          updatedAt: created,
        };
      }),
    )
    .run();

  return { projectId };
}

/** Position among siblings (parents among parents), as the codebook lists them. */
function sortOrderOf(key: CodeKey): number {
  const def = CODEBOOK.find((c) => c.key === key)!;
  return CODEBOOK.filter((c) => c.parent === def.parent).findIndex((c) => c.key === key);
}
