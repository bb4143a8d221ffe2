/**
 * Translations of coded excerpts: one per coding and language, with its author (whoever
 * saved it last). Every write checks the coding belongs to the project, validates the
 * language code, audits and runs in one transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { codings, translations, users } from '../schema';
import { languageTagProblem, parseLanguageTag } from '@/lib/translation/language-tag';
import { recordAudit } from './audit';
import { DomainError } from '@/lib/errors';
import type { TranslationView } from '@/lib/translation/views';

export const TRANSLATION_MAX = 20_000;

/** A refused translation write. */
export class TranslationError extends DomainError {}

const columns = {
  id: translations.id,
  codingId: translations.codingId,
  language: translations.language,
  text: translations.text,
  authorId: translations.authorId,
  authorName: users.name,
  updatedAt: translations.updatedAt,
};

function view(r: Omit<TranslationView, 'updatedAt'> & { updatedAt: Date }): TranslationView {
  return { ...r, updatedAt: r.updatedAt.toISOString() };
}

/** The translations of one coding of the project, by language. Empty when the coding is not in the project. */
export async function translationsForCoding(db: Queryable, projectId: number, codingId: number): Promise<TranslationView[]> {
  await dbReady(db);
  return db
    .select(columns)
    .from(translations)
    .innerJoin(codings, eq(codings.id, translations.codingId))
    .innerJoin(users, eq(users.id, translations.authorId))
    .where(and(eq(translations.codingId, codingId), eq(codings.projectId, projectId)))
    .orderBy(asc(translations.language))
    .all()
    .map(view);
}

/** codingId → its translations, for many codings at once (batched under SQLite's parameter limit). */
export async function translationsForCodings(db: Queryable, codingIds: readonly number[]): Promise<Map<number, TranslationView[]>> {
  await dbReady(db);
  const out = new Map<number, TranslationView[]>();
  const ids = [...new Set(codingIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select(columns)
      .from(translations)
      .innerJoin(users, eq(users.id, translations.authorId))
      .where(inArray(translations.codingId, ids.slice(i, i + 500)))
      .orderBy(asc(translations.language))
      .all();
    for (const r of rows) {
      const list = out.get(r.codingId) ?? [];
      list.push(view(r));
      out.set(r.codingId, list);
    }
  }
  return out;
}

export interface SaveTranslationInput {
  projectId: number;
  codingId: number;
  language: string;
  text: string;
  actorId: number;
}

/**
 * Adds or replaces the coding's translation into `language`; the actor becomes its author.
 * Throws TranslationError (404 when the coding is not in the project) and writes nothing.
 */
export async function saveTranslation(db: Db, input: SaveTranslationInput): Promise<TranslationView> {
  await dbReady(db);
  const language = parseLanguageTag(input.language);
  if (!language) throw languageTagProblem(input.language)!;
  const text = input.text.trim();
  if (!text) throw new TranslationError('translation.empty');
  if (text.length > TRANSLATION_MAX) throw new TranslationError('translation.too_long', { max: TRANSLATION_MAX });
  return await transaction(db, async (tx) => {
    const coding = tx
      .select({ id: codings.id })
      .from(codings)
      .where(and(eq(codings.id, input.codingId), eq(codings.projectId, input.projectId)))
      .get();
    if (!coding) throw new TranslationError('coding.not_found', { id: input.codingId });
    const before = tx
      .select()
      .from(translations)
      .where(and(eq(translations.codingId, input.codingId), eq(translations.language, language)))
      .get();
    if (before) {
      tx.update(translations).set({ text, authorId: input.actorId, updatedAt: new Date() }).where(eq(translations.id, before.id)).run();
    } else {
      tx.insert(translations).values({ codingId: input.codingId, language, text, authorId: input.actorId }).run();
    }
    await recordAudit(tx, {
      projectId: input.projectId,
      userId: input.actorId,
      action: before ? 'translation.update' : 'translation.create',
      entityType: 'coding',
      entityId: input.codingId,
      before: before ? { language, text: before.text, authorId: before.authorId } : null,
      after: { language, text, authorId: input.actorId },
    });
    return (await translationsForCoding(tx, input.projectId, input.codingId)).find((t) => t.language === language) as TranslationView;
  });
}

/** Deletes the coding's translation into `language`; false when there was none. */
export async function deleteTranslation(db: Db, projectId: number, codingId: number, language: string, actorId: number): Promise<boolean> {
  return await transaction(db, async (tx) => {
    const row = tx
      .select({ id: translations.id, text: translations.text, authorId: translations.authorId })
      .from(translations)
      .innerJoin(codings, eq(codings.id, translations.codingId))
      .where(and(eq(translations.codingId, codingId), eq(translations.language, language), eq(codings.projectId, projectId)))
      .get();
    if (!row) return false;
    tx.delete(translations).where(eq(translations.id, row.id)).run();
    await recordAudit(tx, {
      projectId,
      userId: actorId,
      action: 'translation.delete',
      entityType: 'coding',
      entityId: codingId,
      before: { language, text: row.text, authorId: row.authorId },
    });
    return true;
  });
}
