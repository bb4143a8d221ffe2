/**
 * The authorization matrix: every server entry point × every kind of caller, against the
 * allow or deny each is meant to get (DESIGN.md: "Every server entry point checks the session
 * and the project role; a test enumerates them").
 *
 * Entry points are discovered from the source (server/testing/entry-points.ts): every
 * exported HTTP method of every app/**\/route.ts and every export of every 'use server'
 * module. One without a row below fails the first test, and so does a row whose entry point
 * is gone: add the row, saying who may call it, when you add the entry point.
 *
 * Route handlers are called with the persona's API token; server actions with the persona's
 * session (next-auth's getServerSession is mocked; revalidatePath is a no-op). The database is
 * real: a fresh copy of the fixture's SQLite file for every call. Signed out is 401 for the
 * API and a redirect to sign-in for actions; a project the caller is not in is 404 (never
 * 403); a role that may not is 403 or 404, or an {ok:false} naming the authorization reason.
 * Blind mode is on in the fixture: a coder reading another coder's (or the consensus) layer
 * is denied, and rows marked "blind mode off" show the same call once the lead lifts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockedSession } from '@/server/testing/session-state';

vi.mock('next-auth', async (importOriginal) => ({ ...(await importOriginal<typeof import('next-auth')>()), getServerSession: mockedSession }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

import { discoverEntryPoints, type EntryPoint } from '@/server/testing/entry-points';
import {
  action,
  allow,
  CellDatabases,
  documentParams,
  MEMBERS,
  PERSONA_LABELS,
  PERSONAS,
  route,
  SIGNED_IN,
  WRITERS,
  type Cell,
  type Outcome,
  type Persona,
  type Scenario,
} from '@/server/testing/matrix';
import { loadReview } from '@/server/services/review';
import type { Db } from '@/db/client';
import { codebookExport } from '@/db/queries/codebook-exchange';
import { codings, projects } from '@/db/schema';
import { codebookToCsv } from '@/lib/export/codebook-table';
import { sharedFile } from '@/lib/refi-qda/test-support';

const ROOT = process.cwd();
const ALL: Persona[] = [...PERSONAS];
const blindOff = (db: Db, fx: { project: { id: number } }) => {
  db.update(projects).set({ blindMode: false }).where(eq(projects.id, fx.project.id)).run();
};

// ---- inputs ----

/** The coding in the caller's own layer (the consensus layer for a lead and a viewer; coder 1's for non-members). */
function ownCoding(c: Cell): number {
  const k = c.fx.codings;
  return { anon: k.coder1, viewer: k.consensus, coder: k.coder1, unassigned: k.coder3, foreign: k.coder1, lead: k.consensus, admin: k.coder1 }[c.persona].id;
}
const codingParams = (codingId: (c: Cell) => number, lang?: string) => (c: Cell) => ({
  projectId: String(c.fx.project.id),
  codingId: String(codingId(c)),
  ...(lang ? { lang } : {}),
});
const coder1Coding = (c: Cell) => c.fx.codings.coder1.id;
const coder2Coding = (c: Cell) => c.fx.codings.coder2.id;
const consensusCoding = (c: Cell) => c.fx.codings.consensus.id;
const p1Range = (c: Cell) => ({ start: c.fx.ranges[1].start, end: c.fx.ranges[1].start + 3 });

function form(fields: Record<string, string | File | File[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}
const textFile = (name: string, text: string) => new File([new TextEncoder().encode(text)], name);
const ROSTER = 'label,group,age\nP1,FG01,34\nP2,FG01,51\n';
const PASTED = 'Модератор: Как вы узнаёте новости?\nP1: Из Telegram-каналов акимата.';
const disagreementKey = async (c: Cell) => (await loadReview(c.db, c.fx.project.id, c.fx.doc.id, [c.fx.coder1.id, c.fx.coder2.id], 90))!.listing.items[0].key;
const codingsOfCode = (db: Db, codeId: number) => db.select({ n: count() }).from(codings).where(and(eq(codings.codeId, codeId))).get()!.n;

// ---- the expectations: one or more rows per entry point ----

const P = '/api/v1/projects/[projectId]';
const SCENARIOS: Scenario[] = [
  // The sign-in endpoint itself (next-auth): open to everyone by design.
  ...['GET', 'POST'].map((m) => ({
    entry: `${m} /api/auth/[...nextauth]`,
    expect: allow(...ALL),
    notCalled: 'next-auth reads next/headers, which needs a live request; exercised over HTTP by e2e/security.spec.ts and the sign-in e2e tests',
    run: async () => ({ verdict: 'allow', detail: 'public' }) as Outcome,
  })),

  // ---- route handlers ----
  { entry: 'GET /api/v1/projects', expect: allow(...SIGNED_IN), run: route('GET', { params: () => ({}) }) },
  {
    entry: 'POST /api/v1/projects/import',
    note: 'any signed-in user may import a .qdpx as a new project they lead',
    expect: allow(...SIGNED_IN),
    run: route('POST', { params: () => ({}), body: () => form({ file: new File([new Uint8Array(sharedFile('sample-semey.qdpx'))], 'sample-semey.qdpx') }) }),
  },
  { entry: `GET ${P}/agreement`, expect: allow('lead'), run: route('GET', { query: (c) => `coders=${c.fx.coder1.id},${c.fx.coder2.id}&samples=0` }) },
  { entry: `GET ${P}/codebook`, expect: allow(...MEMBERS), run: route('GET', { query: () => 'format=csv' }) },
  {
    entry: `POST ${P}/codebook`,
    expect: allow('lead'),
    run: route('POST', { body: async (c) => form({ file: new File([new Uint8Array(codebookToCsv(await codebookExport(c.db, c.fx.project.id, 'Fixture', () => true)))], 'codebook.csv') }) }),
  },
  { entry: `GET ${P}/codes`, expect: allow(...MEMBERS), run: route('GET') },
  {
    entry: `DELETE ${P}/codings/[codingId]`,
    note: "a coding in the caller's own layer (the consensus layer for leads and viewers)",
    expect: allow(...WRITERS),
    run: route('DELETE', { params: codingParams(ownCoding) }),
  },
  {
    entry: `DELETE ${P}/codings/[codingId]`,
    note: "blind mode: coder 2's coding (nobody else writes a coder's layer, not even the lead)",
    expect: allow(),
    run: route('DELETE', { params: codingParams(coder2Coding) }),
  },
  { entry: `GET ${P}/codings/[codingId]/translations`, note: "coder 1's coding", expect: allow('coder', 'lead'), run: route('GET', { params: codingParams(coder1Coding) }) },
  { entry: `GET ${P}/codings/[codingId]/translations`, note: "blind mode: coder 2's coding", expect: allow('lead'), run: route('GET', { params: codingParams(coder2Coding) }) },
  { entry: `GET ${P}/codings/[codingId]/translations`, note: 'blind mode: a consensus coding', expect: allow('viewer', 'lead'), run: route('GET', { params: codingParams(consensusCoding) }) },
  {
    entry: `GET ${P}/codings/[codingId]/translations`,
    note: "blind mode off: coder 2's coding",
    before: blindOff,
    expect: allow('coder', 'unassigned', 'lead'),
    run: route('GET', { params: codingParams(coder2Coding) }),
  },
  { entry: `GET ${P}/codings/[codingId]/translations/[lang]`, note: "coder 1's coding", expect: allow('coder', 'lead'), run: route('GET', { params: codingParams(coder1Coding, 'en') }) },
  { entry: `GET ${P}/codings/[codingId]/translations/[lang]`, note: "blind mode: coder 2's coding", expect: allow('lead'), run: route('GET', { params: codingParams(coder2Coding, 'en') }) },
  {
    entry: `PUT ${P}/codings/[codingId]/translations/[lang]`,
    note: "coder 1's coding",
    expect: allow('coder', 'lead'),
    run: route('PUT', { params: codingParams(coder1Coding, 'kk'), body: () => ({ text: 'Мен e-Otinish арқылы жаздым' }) }),
  },
  {
    entry: `PUT ${P}/codings/[codingId]/translations/[lang]`,
    note: 'a consensus coding: viewers read it but may not translate',
    expect: allow('lead'),
    run: route('PUT', { params: codingParams(consensusCoding, 'kk'), body: () => ({ text: 'Мен e-Otinish арқылы жаздым' }) }),
  },
  { entry: `DELETE ${P}/codings/[codingId]/translations/[lang]`, note: "coder 1's coding", expect: allow('coder', 'lead'), run: route('DELETE', { params: codingParams(coder1Coding, 'en') }) },
  { entry: `DELETE ${P}/codings/[codingId]/translations/[lang]`, note: "blind mode: coder 2's coding", expect: allow('lead'), run: route('DELETE', { params: codingParams(coder2Coding, 'en') }) },
  {
    entry: `POST ${P}/codings`,
    note: "the caller's own layer of a document",
    expect: allow(...WRITERS),
    run: route('POST', { body: (c) => ({ documentId: c.fx.doc.id, version: 1, codeIds: [c.fx.channels.id], ...p1Range(c) }) }),
  },
  {
    entry: `POST ${P}/codings`,
    note: 'the consensus layer',
    expect: allow('lead'),
    run: route('POST', { body: (c) => ({ documentId: c.fx.doc.id, version: 1, codeIds: [c.fx.channels.id], ...p1Range(c), layer: 'consensus' }) }),
  },
  { entry: `GET ${P}/documents`, expect: allow(...MEMBERS), run: route('GET') },
  { entry: `GET ${P}/documents/[documentId]`, expect: allow(...MEMBERS), run: route('GET', { params: documentParams }) },
  {
    entry: `GET ${P}/documents/[documentId]/codings`,
    note: "the caller's own layer (consensus for viewers)",
    expect: allow(...MEMBERS),
    run: route('GET', { params: documentParams }),
  },
  {
    entry: `GET ${P}/documents/[documentId]/codings`,
    note: "blind mode: coder 2's layer",
    expect: allow('lead'),
    run: route('GET', { params: documentParams, query: (c) => `layers=coder:${c.fx.coder2.id}` }),
  },
  {
    entry: `GET ${P}/documents/[documentId]/codings`,
    note: 'blind mode: the consensus layer',
    expect: allow('viewer', 'lead'),
    run: route('GET', { params: documentParams, query: () => 'layers=consensus' }),
  },
  {
    entry: `GET ${P}/documents/[documentId]/codings`,
    note: "blind mode off: coder 2's layer",
    before: blindOff,
    expect: allow('coder', 'unassigned', 'lead'),
    run: route('GET', { params: documentParams, query: (c) => `layers=coder:${c.fx.coder2.id}` }),
  },
  {
    entry: `GET ${P}/documents/[documentId]/events`,
    note: "live stream of the caller's own layer (consensus for viewers)",
    expect: allow(...MEMBERS),
    run: route('GET', { params: documentParams, stream: true }),
  },
  {
    entry: `GET ${P}/documents/[documentId]/events`,
    note: "blind mode: live stream of coder 2's layer",
    expect: allow('lead'),
    run: route('GET', { params: documentParams, stream: true, query: (c) => `layers=coder:${c.fx.coder2.id}` }),
  },
  { entry: `GET ${P}/documents/[documentId]/transcript`, expect: allow(...MEMBERS), run: route('GET', { params: documentParams, query: () => 'format=txt' }) },
  { entry: `GET ${P}/excerpts-export`, note: 'the layers the caller may see', expect: allow(...MEMBERS), run: route('GET', { query: () => 'format=csv' }) },
  {
    entry: `GET ${P}/excerpts-export`,
    note: "blind mode: coder 2's layer",
    expect: allow('lead'),
    run: route('GET', { query: (c) => `format=csv&layer=coder:${c.fx.coder2.id}` }),
  },
  { entry: `GET ${P}/export`, note: 'the layers the caller may see', expect: allow(...MEMBERS), run: route('GET', { query: () => 'format=json' }) },
  { entry: `GET ${P}/export`, note: "blind mode: coder 2's layer", expect: allow('lead'), run: route('GET', { query: (c) => `format=json&layer=coder:${c.fx.coder2.id}` }) },
  { entry: `POST ${P}/imports/preview`, expect: allow('lead'), run: route('POST', { body: () => form({ pasted: PASTED }) }) },
  {
    entry: `POST ${P}/imports`,
    expect: allow('lead'),
    run: route('POST', {
      body: () =>
        form({
          pasted: PASTED,
          manifest: JSON.stringify({
            items: [{ source: { pasted: 0 }, title: 'FG03', speakers: { Модератор: { kind: 'moderator' }, P1: { kind: 'new', label: 'P1' } }, unlabelled: { kind: 'unknown' } }],
          }),
        }),
    }),
  },
  { entry: `POST ${P}/imports/roster/preview`, expect: allow('lead'), run: route('POST', { body: () => form({ file: textFile('roster.csv', ROSTER) }) }) },
  {
    entry: `POST ${P}/imports/roster`,
    expect: allow('lead'),
    run: route('POST', { body: () => form({ file: textFile('roster.csv', ROSTER), plan: JSON.stringify({ age: { action: 'create', name: 'age', type: 'number' } }) }) }),
  },
  { entry: `GET ${P}/participants`, expect: allow(...MEMBERS), run: route('GET') },
  // analysis: every member, in the layer they see by default (a coder's own, else the consensus)
  ...['frequencies', 'case-matrix', 'cooccurrence'].flatMap((name): Scenario[] => [
    { entry: `GET ${P}/${name}`, note: "the caller's natural layer", expect: allow(...MEMBERS), run: route('GET') },
    { entry: `GET ${P}/${name}`, note: "blind mode: coder 2's layer", expect: allow('lead'), run: route('GET', { query: (c) => `layer=coder:${c.fx.coder2.id}` }) },
    { entry: `GET ${P}/${name}`, note: 'blind mode: the union of the coders’ layers', expect: allow('lead'), run: route('GET', { query: () => 'layer=union' }) },
  ]),
  { entry: `GET ${P}/excerpts`, note: "the caller's natural layer", expect: allow(...MEMBERS), run: route('GET', { query: (c) => `code=${c.fx.eotinish.id}` }) },
  {
    entry: `GET ${P}/excerpts`,
    note: "blind mode: coder 2's layer",
    expect: allow('lead'),
    run: route('GET', { query: (c) => `code=${c.fx.eotinish.id}&layer=coder:${c.fx.coder2.id}` }),
  },
  { entry: `GET ${P}/search`, expect: allow(...MEMBERS), run: route('GET', { query: () => 'q=Instagram' }) },

  // ---- server actions ----
  {
    entry: 'action agreement.resolveDisagreementAction',
    expect: allow('lead'),
    run: action({ input: async (c) => ({ documentId: c.fx.doc.id, coders: [c.fx.coder1.id, c.fx.coder2.id], key: await disagreementKey(c), decision: { kind: 'accept', coder: String(c.fx.coder1.id) }, version: 1 }) }),
  },
  { entry: 'action training-rounds.changeRoundsAction', expect: allow('lead'), run: action({ input: () => ({ kind: 'create', name: 'Round 1' }) }) },
  {
    entry: 'action item-sets.changeSetsAction',
    expect: allow('lead'),
    run: action({ input: (c) => ({ kind: 'create', setKind: 'document', name: 'Almaty groups', memberIds: [c.fx.doc.id] }) }),
  },
  { entry: 'action agreement.copyLayerAction', expect: allow('lead'), run: action({ input: (c) => ({ documentId: c.fx.doc2.id, coderId: c.fx.coder1.id }) }) },
  {
    entry: 'action assignments.setAssignmentsAction',
    expect: allow('lead'),
    run: action({ input: (c) => ({ changes: [{ documentId: c.fx.doc.id, coderId: c.fx.coder3.id, assigned: true }] }) }),
  },
  {
    entry: 'action assignments.setMyStatusAction',
    note: 'a document assigned to the coder (to the lead: FG02)',
    expect: allow(...WRITERS),
    run: action({ input: (c) => ({ documentId: c.persona === 'lead' ? c.fx.doc2.id : c.fx.doc.id, change: 'done' }) }),
  },
  { entry: 'action assignments.setCodersMayCreateCodesAction', expect: allow('lead'), run: action({ input: () => ({ allowed: true }) }) },
  { entry: 'action assignments.setBlindModeAction', expect: allow('lead'), run: action({ input: () => ({ blindMode: false }) }) },
  { entry: 'action attributes.createAttributeAction', expect: allow('lead'), run: action({ input: () => ({ scope: 'participant', name: 'education', type: 'text' }) }) },
  { entry: 'action attributes.updateAttributeAction', expect: allow('lead'), run: action({ input: (c) => ({ attributeId: c.fx.attribute.id, name: 'City' }) }) },
  { entry: 'action attributes.deleteAttributeAction', expect: allow('lead'), run: action({ input: (c) => ({ attributeId: c.fx.attribute.id, confirmValues: 0 }) }) },
  {
    entry: 'action attributes.saveDocumentAttributesAction',
    expect: allow('lead'),
    run: action({ input: (c) => ({ cells: [{ documentId: c.fx.doc.id, attributeId: c.fx.attribute.id, value: 'Semey' }] }) }),
  },
  { entry: 'action codebook.createCodeAction', expect: allow('lead'), run: action({ input: () => ({ name: 'Courts' }) }) },
  { entry: 'action codebook.updateCodeAction', expect: allow('lead'), run: action({ input: (c) => ({ codeId: c.fx.channels.id, description: 'Ways to reach the state' }) }) },
  { entry: 'action codebook.moveCodeAction', expect: allow('lead'), run: action({ input: (c) => ({ codeId: c.fx.eotinish.id, parentId: c.fx.channels.id, position: 0 }) }) },
  { entry: 'action codebook.setCodeArchivedAction', expect: allow('lead'), run: action({ input: (c) => ({ codeId: c.fx.eotinish.id, archived: true }) }) },
  { entry: 'action codebook.mergeCodesAction', expect: allow('lead'), run: action({ input: (c) => ({ sourceId: c.fx.eotinish.id, targetId: c.fx.channels.id }) }) },
  { entry: 'action codebook.deleteCodeAction', expect: allow('lead'), run: action({ input: (c) => ({ codeId: c.fx.channels.id, confirmCodings: codingsOfCode(c.db, c.fx.channels.id) }) }) },
  {
    entry: 'action codings.createCodingsAction',
    note: "the caller's own layer",
    expect: allow(...WRITERS),
    run: action({ input: (c) => ({ documentId: c.fx.doc.id, version: 1, codeIds: [c.fx.channels.id], ...p1Range(c), layer: { kind: 'coder', coderId: c.userId ?? c.fx.coder1.id } }) }),
  },
  {
    entry: 'action codings.createCodingsAction',
    note: "coder 2's layer",
    expect: allow(),
    run: action({ input: (c) => ({ documentId: c.fx.doc.id, version: 1, codeIds: [c.fx.channels.id], ...p1Range(c), layer: { kind: 'coder', coderId: c.fx.coder2.id } }) }),
  },
  {
    entry: 'action codings.createCodingsAction',
    note: 'the consensus layer',
    expect: allow('lead'),
    run: action({ input: (c) => ({ documentId: c.fx.doc.id, version: 1, codeIds: [c.fx.channels.id], ...p1Range(c), layer: { kind: 'consensus' } }) }),
  },
  { entry: 'action codings.createCodeInEditorAction', note: 'coders may not add codes (the default)', expect: allow('lead'), run: action({ input: () => ({ name: 'Courts' }) }) },
  {
    entry: 'action codings.createCodeInEditorAction',
    note: 'once the lead lets coders add codes',
    before: (db, fx) => void db.update(projects).set({ codersMayCreateCodes: true }).where(eq(projects.id, fx.project.id)).run(),
    expect: allow('coder', 'unassigned', 'lead'),
    run: action({ input: () => ({ name: 'Courts' }) }),
  },
  { entry: 'action codings.updateCodingAction', note: "a coding in the caller's own layer", expect: allow(...WRITERS), run: action({ input: (c) => ({ codingId: ownCoding(c), memo: 'checked' }) }) },
  { entry: 'action codings.updateCodingAction', note: "coder 2's coding", expect: allow(), run: action({ input: (c) => ({ codingId: coder2Coding(c), memo: 'checked' }) }) },
  { entry: 'action codings.deleteCodingAction', note: "a coding in the caller's own layer", expect: allow(...WRITERS), run: action({ input: (c) => ({ codingId: ownCoding(c) }) }) },
  { entry: 'action codings.deleteCodingAction', note: "coder 2's coding", expect: allow(), run: action({ input: (c) => ({ codingId: coder2Coding(c) }) }) },
  {
    entry: 'action corrections.correctTranscriptAction',
    expect: allow('lead'),
    run: action({ input: (c) => ({ documentId: c.fx.doc.id, version: 1, op: { op: 'edit', index: 2, text: 'А я пишу в Instagram акимата!' } }) }),
  },
  { entry: 'action exports.setAttributePrivateAction', expect: allow('lead'), run: action({ input: (c) => ({ attributeId: c.fx.attribute.id, private: true }) }) },
  { entry: 'action members.addMemberAction', expect: allow('lead'), run: action({ input: (c) => ({ email: c.fx.spare.email, role: 'viewer' }) }) },
  { entry: 'action members.removeMemberAction', expect: allow('lead'), run: action({ input: (c) => ({ userId: c.fx.leaving.id }) }) },
  ...(['previewAutocodeAction', 'applyAutocodeAction'] as const).map((name) => ({
    entry: `action search.${name}`,
    note: "the caller's own layer, documents assigned to them (an unassigned coder's hits are all skipped)",
    expect: allow(...WRITERS),
    run: action({
      input: (c) => ({ options: { q: 'Instagram' }, codeId: c.fx.eotinish.id, extent: 'match', selection: null }),
      judge: (v) => ((v as { toCreate: number }).toCreate > 0 ? 'allow' : 'deny'),
    }),
  })),
  {
    entry: 'action search.undoAutocodeAction',
    note: "coder 1's auto-coding: its author, or a lead",
    expect: allow(...WRITERS),
    run: action({ input: (c) => ({ batchId: c.fx.autocodeBatchId }), judge: (v) => ((v as { deleted: number }).deleted > 0 ? 'allow' : 'deny') }),
  },
  { entry: 'action memos.saveMemoAction', note: 'a memo on the document', expect: allow('coder', 'unassigned', 'lead'), run: action({ input: (c) => ({ kind: 'document', targetId: c.fx.doc.id, text: 'Ескерту' }) }) },
  { entry: 'action memos.deleteMemoAction', note: 'a memo id that does not exist: writers get past the checks to the domain', expect: allow('coder', 'unassigned', 'lead'), run: action({ input: (c) => ({ kind: 'document', targetId: c.fx.doc.id, memoId: 999999 }), accepted: /does not exist/ }) },
  { entry: 'action search.saveSearchAction', expect: allow(...MEMBERS), run: action({ input: () => ({ name: 'Telegram', options: { q: 'Telegram' } }) }) },
  { entry: 'action search.deleteSavedSearchAction', note: "coder 1's saved search: its author, or a lead", expect: allow(...WRITERS), run: action({ input: (c) => ({ id: c.fx.savedSearch.id }) }) },
  { entry: 'action tokens.createTokenAction', expect: allow(...SIGNED_IN), run: action({ args: () => [{ name: 'laptop' }] }) },
  { entry: 'action tokens.revokeTokenAction', note: "the caller's own token", expect: allow(...SIGNED_IN), run: action({ args: (c) => [{ tokenId: c.fx.revocable[c.persona] ?? c.fx.revocable.lead }] }) },
  { entry: 'action tokens.revokeTokenAction', note: "the lead's token, asked by anyone else", expect: allow(), run: action({ args: (c) => [{ tokenId: c.persona === 'lead' ? c.fx.revocable.coder : c.fx.revocable.lead }] }) },
  {
    entry: 'action translations.saveTranslationAction',
    note: "coder 1's coding",
    expect: allow('coder', 'lead'),
    run: action({ input: (c) => ({ codingId: coder1Coding(c), language: 'kk', text: 'Мен e-Otinish арқылы жаздым' }) }),
  },
  {
    entry: 'action translations.saveTranslationAction',
    note: "blind mode: coder 2's coding",
    expect: allow('lead'),
    run: action({ input: (c) => ({ codingId: coder2Coding(c), language: 'kk', text: 'Мен e-Otinish арқылы жаздым' }) }),
  },
  {
    entry: 'action translations.saveTranslationAction',
    note: "blind mode off: coder 2's coding",
    before: blindOff,
    expect: allow('coder', 'unassigned', 'lead'),
    run: action({ input: (c) => ({ codingId: coder2Coding(c), language: 'kk', text: 'Мен e-Otinish арқылы жаздым' }) }),
  },
  { entry: 'action translations.deleteTranslationAction', note: "coder 1's coding", expect: allow('coder', 'lead'), run: action({ input: (c) => ({ codingId: coder1Coding(c), language: 'en' }) }) },
  { entry: 'action translations.deleteTranslationAction', note: "blind mode: coder 2's coding", expect: allow('lead'), run: action({ input: (c) => ({ codingId: coder2Coding(c), language: 'en' }) }) },
  { entry: 'action translations.translationsAction', note: "coder 1's coding", expect: allow('coder', 'lead'), run: action({ input: (c) => ({ codingId: coder1Coding(c) }) }) },
  { entry: 'action translations.translationsAction', note: 'blind mode: a consensus coding', expect: allow('viewer', 'lead'), run: action({ input: (c) => ({ codingId: consensusCoding(c) }) }) },
  {
    entry: 'action users.createUserAction',
    expect: allow('admin'),
    run: action({ args: () => [{ email: 'new.member@test.kz', name: 'New member', password: 'a-long-enough-password', isAdmin: false }] }),
  },
  { entry: 'action users.setUserFlagsAction', expect: allow('admin'), run: action({ args: (c) => [{ userId: c.fx.spare.id, disabled: true }] }) },
  {
    entry: 'action users.changePasswordAction',
    note: "the caller's own password (a wrong current one: let in, refused by the domain)",
    expect: allow(...SIGNED_IN),
    run: action({ args: () => [{ current: 'not the password', password: 'a-long-enough-password' }], accepted: /current password is not right/ }),
  },
  { entry: 'action users.resetPasswordAction', expect: allow('admin'), run: action({ args: (c) => [{ userId: c.fx.spare.id, password: 'a-long-enough-password' }] }) },
  { entry: 'action users.endSessionsAction', note: "another user's sessions, everywhere", expect: allow('admin'), run: action({ args: (c) => [{ userId: c.fx.spare.id }] }) },
  { entry: 'action users.endOtherSessionsAction', note: "the caller's own other sessions", expect: allow(...SIGNED_IN), run: action({ args: () => [{}] }) },
  {
    entry: 'action setup.createFirstAdminAction',
    note: 'the instance has accounts: nobody, signed in or not (the first-run screen is closed)',
    expect: allow(),
    run: action({ args: () => [{ email: 'first@test.kz', name: 'First', password: 'a-long-enough-password' }], denied: /already has accounts/ }),
  },
];

// ---- the run ----

const discovered = discoverEntryPoints(ROOT);
const byId = new Map(discovered.map((e) => [e.id, e]));
const cells = new CellDatabases();
const results: Array<{ scenario: Scenario; outcomes: Record<Persona, Outcome> }> = [];

async function targetOf(entry: EntryPoint): Promise<(...args: never[]) => unknown> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, entry.file))) as Record<string, unknown>;
  const name = entry.kind === 'route' ? entry.method : entry.kind === 'action' ? entry.name : '';
  const target = mod[name];
  if (typeof target !== 'function') throw new Error(`${entry.file} does not export a function ${name}`);
  return target as (...args: never[]) => unknown;
}

beforeAll(async () => {
  await cells.init();
}, 60_000);

afterAll(() => {
  cells.dispose();
  writeReport();
});

describe('entry points', () => {
  it('finds the route handlers and server actions (the discovery itself works)', () => {
    expect(discovered.filter((e) => e.kind === 'route').length).toBeGreaterThanOrEqual(10);
    expect(discovered.filter((e) => e.kind === 'action').length).toBeGreaterThanOrEqual(10);
    expect(byId.has('POST /api/v1/projects/[projectId]/codings')).toBe(true);
    expect(byId.has('action codings.createCodingsAction')).toBe(true);
  });

  it('has a row for every entry point, and no row for one that is gone', () => {
    const covered = new Set(SCENARIOS.map((s) => s.entry));
    const missing = discovered.filter((e) => !covered.has(e.id)).map((e) => `${e.id}  (${e.file})`);
    const stale = [...covered].filter((id) => !byId.has(id));
    expect(missing, 'entry points without a row in server/testing/authz-matrix.test.ts: add one saying who may call each').toEqual([]);
    expect(stale, 'rows for entry points that no longer exist').toEqual([]);
  });

  it('agrees with what each module really exports', async () => {
    const problems: string[] = [];
    const files = new Map<string, EntryPoint[]>();
    for (const e of discovered) files.set(e.file, [...(files.get(e.file) ?? []), e]);
    for (const [file, entries] of files) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const e of entries) {
        const name = e.kind === 'route' ? e.method : e.kind === 'action' ? e.name : null;
        if (name && typeof mod[name] !== 'function') problems.push(`${e.id}: ${file} exports no function ${name}`);
      }
      if (entries[0].kind === 'action') {
        const listed = new Set(entries.map((e) => (e.kind === 'action' ? e.name : '')));
        for (const key of Object.keys(mod)) if (!listed.has(key)) problems.push(`${file} exports ${key}, which discovery did not see`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('who may call what', () => {
  for (const scenario of SCENARIOS) {
    const title = `${scenario.entry}${scenario.note ? ` — ${scenario.note}` : ''}`;
    it(title, async () => {
      const entry = byId.get(scenario.entry);
      if (!entry) throw new Error(`${scenario.entry} is not an entry point (any more)`);
      const target = await targetOf(entry);
      if (scenario.notCalled) {
        // Not callable in-process (see the row's reason): at least it is the handler it claims to be.
        expect(typeof target).toBe('function');
        return;
      }
      const outcomes = {} as Record<Persona, Outcome>;
      for (const persona of PERSONAS) {
        const db = cells.fresh();
        scenario.before?.(db, cells.fx);
        const fx = cells.fx;
        const cell: Cell = { persona, userId: fx.userIds[persona], token: fx.tokens[persona], fx, db };
        try {
          outcomes[persona] = await scenario.run(cell, target);
        } catch (e) {
          outcomes[persona] = { verdict: 'error', detail: `the call threw ${e instanceof Error ? e.stack : String(e)}` };
        } finally {
          cells.release();
        }
      }
      results.push({ scenario, outcomes });
      const wrong = PERSONAS.filter((p) => outcomes[p].verdict !== scenario.expect[p]).map(
        (p) => `${PERSONA_LABELS[p]}: expected ${scenario.expect[p]}, got ${outcomes[p].verdict} (${outcomes[p].detail})`,
      );
      expect(wrong, title).toEqual([]);
    });
  }
});

/** The matrix as a table, for the README and reviewers: test-results/authz-matrix.md. */
function writeReport(): void {
  if (results.length === 0) return;
  const short: Record<Persona, string> = { anon: 'signed out', viewer: 'viewer', coder: 'coder', unassigned: 'unassigned coder', foreign: 'other project', lead: 'lead', admin: 'admin' };
  const lines = [
    `| entry point | ${PERSONAS.map((p) => short[p]).join(' | ')} |`,
    `|---|${PERSONAS.map(() => '---').join('|')}|`,
    ...SCENARIOS.map((s) => {
      const r = results.find((x) => x.scenario === s);
      const cell = (p: Persona) => (r ? (r.outcomes[p].verdict === s.expect[p] ? (s.expect[p] === 'allow' ? '✓' : '✗') : `**${r.outcomes[p].verdict}?**`) : s.expect[p] === 'allow' ? '(✓)' : '(✗)');
      return `| ${s.entry.replace(/\[/g, '\\[')}${s.note ? ` — ${s.note}` : ''} | ${PERSONAS.map(cell).join(' | ')} |`;
    }),
  ];
  try {
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results', 'authz-matrix.md'), `✓ allowed, ✗ denied, as expected; (…) not called in-process\n\n${lines.join('\n')}\n`);
  } catch {
    // the report is a convenience; the assertions above are the test
  }
}
