/** The shapes the import routes accept in their JSON form fields. */
import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '@/lib/attributes/types';

const id = z.number().int().positive();

/** Who speaks under a label: see SpeakerChoice in lib/import/mapping. */
export const speakerChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: id }),
  z.object({ kind: z.literal('new'), label: z.string().max(500) }),
  z.object({ kind: z.literal('moderator') }),
  z.object({ kind: z.literal('unknown') }),
]);

const encoding = z.string().trim().max(40).regex(/^[A-Za-z0-9_.:-]*$/, 'is not an encoding name');

/** Per uploaded file, in order: the encoding to read it in (null: detect). */
export const previewOptionsSchema = z.object({ encodings: z.array(encoding.nullable()).max(100).default([]) });

/** The transcripts to import: each names its source (the i-th file or pasted text) and how to store it. */
export const importManifestSchema = z.object({
  items: z
    .array(
      z.object({
        source: z.union([z.object({ file: z.number().int().min(0) }), z.object({ pasted: z.number().int().min(0) })]),
        title: z.string().max(1000),
        encoding: encoding.optional(),
        documentId: id.nullable().optional(),
        speakers: z.record(z.string().max(200), speakerChoiceSchema),
        unlabelled: speakerChoiceSchema.optional(),
        attributes: z.record(z.string().regex(/^\d{1,15}$/), z.string().max(5000)).optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type ImportManifest = z.infer<typeof importManifestSchema>;

/** The lead's decision per roster column: see RosterColumnPlan in lib/import/roster-plan. */
export const rosterPlanSchema = z.record(
  z.string().max(500),
  z.discriminatedUnion('action', [
    z.object({ action: z.literal('existing'), attributeId: id, addValues: z.boolean().optional() }),
    z.object({ action: z.literal('create'), name: z.string().max(200), type: z.enum(ATTRIBUTE_TYPES) }),
    z.object({ action: z.literal('skip') }),
  ]),
);
