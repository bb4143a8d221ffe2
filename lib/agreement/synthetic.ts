import type { AgreementCoding, AgreementDocument, AgreementInput, AgreementTurn } from './document';
import { DEFAULT_SEED, seededRandom } from './random';

/** Size of a synthetic study; defaults are the project's scale (see DESIGN.md, Agreement). */
export interface SyntheticStudyOptions {
  documents?: number;
  /** Turns per document (about a quarter are the moderator's). */
  turns?: number;
  codes?: number;
  coders?: number;
  /** Passages per document that the coders code, each coder with its own deviations. */
  passages?: number;
  seed?: number;
}

/**
 * A deterministic synthetic study for benchmarks and tests: documents of `turns` turns averaging
 * ~165 characters (≈ 200k characters per 1,200 turns), every coder assigned to every document.
 * Each document has `passages` "true" coded passages, codes drawn with a skew (a few frequent
 * codes, many rare ones); each coder codes a passage with probability 0.8, with boundaries
 * moved by up to ±12 characters, and adds 10 % spurious codings of their own.
 */
export function syntheticStudy(options: SyntheticStudyOptions = {}): AgreementInput {
  const documentCount = options.documents ?? 16;
  const turnCount = options.turns ?? 1200;
  const codeCount = options.codes ?? 40;
  const coderCount = options.coders ?? 3;
  const passages = options.passages ?? Math.round(turnCount / 2.4);
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const code = () => `code-${Math.floor(codeCount * random() ** 2)}`;
  const coders = Array.from({ length: coderCount }, (_, i) => `coder-${i + 1}`);

  const documents: AgreementDocument[] = [];
  for (let d = 0; d < documentCount; d++) {
    const turns: AgreementTurn[] = [];
    let offset = 0;
    for (let t = 0; t < turnCount; t++) {
      const length = int(20, 310);
      turns.push({ start: offset, end: offset + length, isParticipant: random() >= 0.25 });
      offset += length + 1;
    }
    const textLength = offset - 1;
    const clamp = (x: number) => Math.max(0, Math.min(textLength, x));
    const codings: Record<string, AgreementCoding[]> = {};
    for (const coder of coders) codings[coder] = [];
    for (let p = 0; p < passages; p++) {
      const turn = turns[int(0, turnCount - 1)];
      const start = int(turn.start, turn.end - 1);
      const end = start + int(15, 320);
      const codeId = code();
      for (const coder of coders) {
        if (random() < 0.8) {
          const s = clamp(start + int(-12, 12));
          const e = clamp(end + int(-12, 12));
          if (e > s) codings[coder].push({ codeId, start: s, end: e });
        }
      }
    }
    for (const coder of coders) {
      const spurious = Math.round(passages * 0.1);
      for (let i = 0; i < spurious; i++) {
        const start = int(0, textLength - 1);
        codings[coder].push({ codeId: code(), start, end: clamp(start + int(15, 320)) });
      }
    }
    documents.push({ id: `document-${d + 1}`, turns, assignedCoders: coders, codings });
  }
  return { coders, codes: Array.from({ length: codeCount }, (_, i) => `code-${i}`), documents };
}
