import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '@/lib/text/canonical';
import { EMPTY_FILTER } from '@/lib/analysis/types';
import type { Db } from '../client';
import { seedDemo } from '../seed/demo';
import { openTestDatabase } from '../testing';
import { frequenciesFor } from './analysis';
import { documentsForProject, documentWithTurns } from './documents';

// One number of words per document wherever it is shown: the documents list (and the API,
// which returns that list), the document's header, and the frequencies' denominator, which
// counts the words participants spoke (moderator turns excluded) by the same rule.
describe('word counts of the demo documents', () => {
  let db: Db;
  let close: () => void;
  let projectId: number;
  beforeAll(() => {
    ({ db, close } = openTestDatabase());
    ({ projectId } = seedDemo(db));
  });
  afterAll(() => close());

  it('agree between the list, the header, a count of the text and the frequencies', async () => {
    const list = await documentsForProject(db, projectId);
    expect(list).toHaveLength(16);
    const table = await frequenciesFor(db, projectId, { filter: { ...EMPTY_FILTER, layer: { kind: 'consensus' } }, columns: { kind: 'documents' }, split: null, rollup: false });
    for (const summary of list) {
      const doc = (await documentWithTurns(db, projectId, summary.id))!;
      const counted = doc.turns.reduce((n, t) => n + countWords(t.text), 0);
      const spoken = doc.turns.filter((t) => t.participantId != null).reduce((n, t) => n + countWords(t.text), 0);
      expect(summary.wordCount).toBe(counted);
      expect(doc.wordCount).toBe(counted);
      expect(doc.participantWordCount).toBe(spoken);
      const column = table.columns.find((c) => c.outerLabel === doc.title);
      expect(column?.words).toBe(spoken);
      expect(spoken).toBeLessThan(counted); // the moderator speaks too
    }
  });
});
