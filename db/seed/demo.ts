/**
 * Seeds the synthetic demo study — 16 focus groups in 8 Kazakhstani cities, 98 invented
 * participants, a two-level codebook, two coders' overlapping layers and a partial
 * consensus — into an empty database. The study's shape (sample totals, guide questions,
 * themes) follows the published study; every utterance and person is made up.
 */
import { count, inArray } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../client';
import { markDemoInstance } from '../queries/instance';
import {
  assignments,
  attributeDefinitions,
  codes,
  codings,
  documentAttributeValues,
  documents,
  members,
  memos,
  participantAttributeValues,
  participants,
  projects,
  turns,
  users,
  type AttributeBin,
} from '../schema';
import { CODEBOOK, type CodeKey } from './demo/codebook';
import { MODERATOR_LABEL } from './demo/guide';
import { AGE_BINS, CITIES, YEARS_IN_CITY_BINS } from './demo/sample';
import { buildDemoStudy, DEMO_USERS, DOUBLE_CODED, type UserKey } from './demo/study';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_PROJECT_NAME = 'Political participation in Kazakhstan — focus groups, November 2024';

export const DEMO_PROJECT_DESCRIPTION =
  'SYNTHETIC DEMO DATA. All transcripts, participants and codings in this project are synthetic: ' +
  'written for demonstration, not real research data. Its shape follows a published study of ' +
  'political participation in Kazakhstan (16 focus groups in Almaty, Aktau, Aktobe, Kyzylorda, Taraz, ' +
  'Karaganda, Pavlodar and Semey, November 2024; 98 participants aged 19–60), but every utterance, ' +
  'person and coding was invented for this demo.';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const BATCH = 400;

function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => void): void {
  for (let i = 0; i < rows.length; i += BATCH) insert(rows.slice(i, i + BATCH));
}

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
    if (tx.select({ n: count() }).from(users).get()!.n === 0) markDemoInstance(tx);
    return insertStudy(tx, study, passwordHash);
  });
}

function insertStudy(tx: Tx, study: ReturnType<typeof buildDemoStudy>, passwordHash: string): { projectId: number } {
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
  const documentId = (index: number): number =>
    documentRows.find((r) => r.title === study.transcripts[index].group.title)!.id;

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
  const participantId = (document: number, label: string): number =>
    participantRows.find((r) => r.documentId === documentId(document) && r.label === label)!.id;

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

  const turnRows = study.transcripts.flatMap((t, i) =>
    t.turns.map((turn, seq) => {
      const speaker = turn.speaker === null ? null : t.participants[turn.speaker];
      return {
        documentId: documentId(i),
        seq,
        speakerKind: speaker ? ('participant' as const) : ('moderator' as const),
        participantId: speaker ? participantId(i, speaker.label) : null,
        speakerLabel: speaker ? speaker.label : MODERATOR_LABEL,
        start: turn.start,
        end: turn.end,
        text: turn.text,
        wordCount: turn.wordCount,
      };
    }),
  );
  inBatches(turnRows, (batch) => tx.insert(turns).values(batch).run());

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

  const lastCodingAt = new Map<string, Date>();
  const perLayer = new Map<string, number>();
  const codingRows = study.codings.map((c) => {
    const layerKey = `${c.coder}:${c.document}`;
    const k = perLayer.get(layerKey) ?? 0;
    perLayer.set(layerKey, k + 1);
    const order = DOUBLE_CODED.indexOf(c.document);
    const day = c.layer === 'consensus' ? '2025-01-13' : c.coder === 'coder3' ? '2024-12-20' : '2024-12-09';
    const created = at(`${day}T09:00:00Z`, order * 2 * 1440 + (c.coder === 'coder2' ? 30 : 0) + k * 2);
    lastCodingAt.set(layerKey, created);
    return {
      projectId,
      documentId: documentId(c.document),
      codeId: codeIds.get(c.code)!,
      layer: c.layer,
      coderId: userId(c.coder),
      start: c.start,
      end: c.end,
      quote: c.quote,
      memo: c.memo,
      createdAt: created,
      updatedAt: created,
    };
  });
  inBatches(codingRows, (batch) => tx.insert(codings).values(batch).run());

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
