/**
 * The data model of DESIGN.md. Offsets are UTF-16 code-unit indices into a document's
 * canonical text (its turns' texts joined with "\n"), half-open [start, end).
 *
 * ON DELETE rules, deliberately:
 * - a project owns everything in it: deleting it cascades;
 * - a document owns its turns, attribute values, codings and assignments: cascade;
 * - a code with codings cannot be deleted (restrict): codings are moved (merge) or deleted
 *   explicitly after the lead confirms how many go;
 * - a user who authored codings cannot be deleted (restrict): accounts are disabled instead,
 *   so no coder's layer silently disappears.
 */
import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  integer,
  text,
  real,
  primaryKey,
  index,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { ATTRIBUTE_SCOPES, ATTRIBUTE_TYPES, type AttributeBin } from '../lib/attributes/types';
import { SPEAKER_KINDS } from '../lib/text/speakers';
import { LAYERS, ROLES } from '../lib/access/layers';
import { ASSIGNMENT_STATUSES } from '../lib/access/assignments';
import { MEMO_TARGETS } from '../lib/memos/views';

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** One of the seeded demo accounts (public password): never an admin outside a demo instance. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** Set when an admin resets the password: the user must choose a new one before anything else. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /**
   * Goes up by one whenever the user's sessions must end (sign-out, a password change or reset,
   * disabling, "sign out everywhere"); a session token carries the number it was issued with
   * and counts only while the two agree.
   */
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: createdAt(),
});

/**
 * Facts about the instance as a whole, one row each: `demo` = '1' on an instance started as
 * the demo (seeded into an empty database).
 */
export const instanceSettings = sqliteTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Personal API tokens; only a SHA-256 hash of the token is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

/**
 * Sign-in throttling per key: failures under `pair:<email> <address>` (locks that pair only)
 * and `email:<email>` (slows every address without a past success for the email down);
 * attempts under `addr:<address>`, where `last_at` is the rate limiter's theoretical arrival
 * time and `locked_until` the latest refusal (db/queries/signin.ts).
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  firstAt: integer('first_at').notNull(),
  lockedUntil: integer('locked_until'),
  /** The latest failure (ms); the per-email slowdown waits from it. For `addr:` keys, see above. */
  lastAt: integer('last_at'),
});

/** Client addresses an email signed in from successfully: exempt from the per-email slowdown. */
export const signInAddresses = sqliteTable(
  'sign_in_addresses',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    lastAt: integer('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] })],
);

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Synthetic demo data, labelled as such wherever the project is shown. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** Coders cannot see other coders' layers while on. */
  blindMode: integer('blind_mode', { mode: 'boolean' }).notNull().default(true),
  codersMayCreateCodes: integer('coders_may_create_codes', { mode: 'boolean' })
    .notNull()
    .default(false),
  createdAt: createdAt(),
});

export const members = sqliteTable(
  'members',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('members_user').on(t.userId)],
);


export const attributeDefinitions = sqliteTable(
  'attribute_definitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ATTRIBUTE_SCOPES }).notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ATTRIBUTE_TYPES }).notNull(),
    /** Ordered category values (category attributes). */
    values: text('values', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Bins for number attributes. */
    bins: text('bins', { mode: 'json' }).$type<AttributeBin[]>().notNull().default(sql`'[]'`),
    /** Never leaves the app: left out of every export. */
    private: integer('private', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('attribute_definitions_name').on(t.projectId, t.scope, t.name)],
);

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Bumped by every transcript correction; writes carrying an older version are stale. */
    version: integer('version').notNull().default(1),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('documents_title').on(t.projectId, t.title)],
);

export const documentAttributeValues = sqliteTable(
  'document_attribute_values',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    attributeId: integer('attribute_id')
      .notNull()
      .references(() => attributeDefinitions.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    /** The value as a number, for number attributes (bins, sorting). */
    numValue: real('num_value'),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.attributeId] }),
    index('document_attribute_values_attr').on(t.attributeId, t.value),
  ],
);

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The focus group (document) the participant took part in. */
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
    /** Pseudonymous label, e.g. P3: the only name that ever leaves the app. */
    label: text('label').notNull(),
    /** Optional real name; never exported, never sent by the API. */
    realName: text('real_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('participants_label').on(t.projectId, t.documentId, t.label),
    index('participants_document').on(t.documentId),
  ],
);

export const participantAttributeValues = sqliteTable(
  'participant_attribute_values',
  {
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    attributeId: integer('attribute_id')
      .notNull()
      .references(() => attributeDefinitions.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    numValue: real('num_value'),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.attributeId] }),
    index('participant_attribute_values_attr').on(t.attributeId, t.value),
  ],
);

export const turns = sqliteTable(
  'turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    speakerKind: text('speaker_kind', { enum: SPEAKER_KINDS }).notNull(),
    participantId: integer('participant_id').references(() => participants.id, {
      onDelete: 'restrict',
    }),
    /** The label as written in the source ("Модератор", "P3"); display only. */
    speakerLabel: text('speaker_label').notNull().default(''),
    timestamp: text('timestamp'),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('turns_seq').on(t.documentId, t.seq),
    index('turns_participant').on(t.participantId),
    // Covers the analysis read of every turn's range, speaker and words, so it never touches the text.
    index('turns_layout').on(t.documentId, t.seq, t.start, t.end, t.participantId, t.wordCount),
  ],
);

export const codes = sqliteTable(
  'codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => codes.id, {
      onDelete: 'restrict',
    }),
    name: text('name').notNull(),
    color: text('color').notNull().default('#888888'),
    description: text('description').notNull().default(''),
    inclusion: text('inclusion').notNull().default(''),
    exclusion: text('exclusion').notNull().default(''),
    example: text('example').notNull().default(''),
    shortcut: text('shortcut'),
    sortOrder: integer('sort_order').notNull().default(0),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('codes_project').on(t.projectId, t.parentId)],
);

export const codings = sqliteTable(
  'codings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'restrict' }),
    /** 'coder': the layer of coderId; 'consensus': the project's adjudicated layer. */
    layer: text('layer', { enum: LAYERS }).notNull(),
    /** Whose layer (for 'coder'), or the lead who wrote it (for 'consensus'). */
    coderId: integer('coder_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** Snapshot of text.slice(start, end); kept equal to it by every write. */
    quote: text('quote').notNull(),
    memo: text('memo').notNull().default(''),
    /**
     * Its text was deleted by a transcript correction: kept (collapsed where the text was,
     * so start may equal end) for a lead to review, with the quote it had before.
     */
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull().default(false),
    previousQuote: text('previous_quote'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Also covers analysis's read of every coding's place (code, range), so it never touches the quotes.
    index('codings_document_layer').on(t.documentId, t.layer, t.coderId, t.id, t.codeId, t.start, t.end),
    index('codings_code_layer').on(t.projectId, t.codeId, t.layer, t.coderId),
  ],
);

export const assignments = sqliteTable(
  'assignments',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    coderId: integer('coder_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('not_started'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.coderId] }),
    index('assignments_coder').on(t.projectId, t.coderId),
  ],
);

/** Memos on a project, a document or a code (a coding's memo is on the coding). */
export const memos = sqliteTable(
  'memos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind', { enum: MEMO_TARGETS }).notNull(),
    /** The document or code id; null for a project memo. */
    targetId: integer('target_id'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('memos_target').on(t.projectId, t.targetKind, t.targetId)],
);

export const translations = sqliteTable(
  'translations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    codingId: integer('coding_id')
      .notNull()
      .references(() => codings.id, { onDelete: 'cascade' }),
    /** A language code: en, ru, kk, … */
    language: text('language').notNull(),
    text: text('text').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('translations_language').on(t.codingId, t.language)],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** e.g. coding.create, code.merge, document.correct */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('audit_events_project').on(t.projectId, t.at)],
);

/**
 * A project's saved searches: a name, the query and its options (filters, regex mode), as
 * the search screen sends them. Shared with the project's members; the name is unique in
 * the project.
 */
export const savedSearches = sqliteTable(
  'saved_searches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query').notNull(),
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('saved_searches_name').on(t.projectId, t.name)],
);

/**
 * What analysis caches compare to know a project's data is unchanged (kept by triggers in
 * migration 0004): `structure` counts writes to its documents, turns and participants,
 * `attributes` to its attribute definitions and values, `codebook` to its codes. Codings are tracked row by row in
 * analysis_changes instead, so a cache can patch in the few that changed.
 */
export const analysisRevisions = sqliteTable('analysis_revisions', {
  projectId: integer('project_id').primaryKey(),
  structure: integer('structure').notNull().default(0),
  attributes: integer('attributes').notNull().default(0),
  codebook: integer('codebook').notNull().default(0),
});

/** The codings inserted, moved or deleted, in write order; the oldest beyond 100,000 are pruned. */
export const analysisChanges = sqliteTable('analysis_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull(),
  codingId: integer('coding_id').notNull(),
});

/**
 * Training rounds (issue #19): a lead marks documents as one round of coder training, so the
 * agreement report shows each round's α and a team sees whether training worked. Rounds are
 * named and ordered by `position`; a document belongs to at most one round (the primary key of
 * training_round_documents is the document).
 */
export const trainingRounds = sqliteTable(
  'training_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('training_rounds_name').on(t.projectId, t.name)],
);

export const trainingRoundDocuments = sqliteTable(
  'training_round_documents',
  {
    documentId: integer('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    roundId: integer('round_id')
      .notNull()
      .references(() => trainingRounds.id, { onDelete: 'cascade' }),
  },
  (t) => [index('training_round_documents_round').on(t.roundId)],
);

export const SET_KINDS = ['code', 'document', 'participant'] as const;

/**
 * Named sets of codes, of documents or of participants (issue #18; ATLAS.ti's code groups and
 * document groups, REFI-QDA `<Sets>`): usable as filters in analysis and export. A set holds
 * members of its own kind only; members go with the code, document or participant.
 */
export const itemSets = sqliteTable(
  'item_sets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SET_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('item_sets_name').on(t.projectId, t.kind, t.name)],
);

export const itemSetMembers = sqliteTable(
  'item_set_members',
  {
    setId: integer('set_id')
      .notNull()
      .references(() => itemSets.id, { onDelete: 'cascade' }),
    codeId: integer('code_id').references(() => codes.id, { onDelete: 'cascade' }),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('item_set_members_code').on(t.setId, t.codeId),
    uniqueIndex('item_set_members_document').on(t.setId, t.documentId),
    uniqueIndex('item_set_members_participant').on(t.setId, t.participantId),
  ],
);
