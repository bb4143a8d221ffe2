/**
 * One document's disagreements between the chosen coders, with the resolutions stored so far:
 * what the review page shows and what the resolve action checks a decision against, so both
 * see the same list. Callers have checked that the user is a lead of the project.
 */
import type { Db } from '@/db/client';
import { resolutionsOf, reviewDocument, type Resolution, type ReviewDocument } from '@/db/queries/agreement';
import { listDisagreements, type DisagreementListing } from '@/lib/agreement/disagreements';

export interface Review {
  document: ReviewDocument;
  listing: DisagreementListing;
  /** Resolutions of the listed disagreements, by key (older ones of changed passages left out). */
  resolved: Map<string, Resolution>;
}

/**
 * The review of a document for the coders (only the given codes, when given), or undefined when
 * the document is not in the project.
 */
export async function loadReview(
  db: Db,
  projectId: number,
  documentId: number,
  coderIds: readonly number[],
  thresholdPercent: number,
  codeIds?: readonly number[] | null,
): Promise<Review | undefined> {
  const document = await reviewDocument(db, projectId, documentId, coderIds);
  if (!document) return undefined;
  const listing = listDisagreements({
    turns: document.turns.map((t) => ({ start: t.start, end: t.end, isParticipant: t.speakerKind === 'participant' })),
    coders: coderIds.map(String),
    assignedCoders: document.assigned.map(String),
    codings: document.codings,
    threshold: thresholdPercent / 100,
    codes: codeIds?.length ? codeIds.map(String) : undefined,
  });
  const stored = await resolutionsOf(db, projectId, documentId);
  const resolved = new Map<string, Resolution>();
  for (const item of listing.items) {
    const r = stored.get(item.key);
    if (r) resolved.set(item.key, r);
  }
  return { document, listing, resolved };
}
