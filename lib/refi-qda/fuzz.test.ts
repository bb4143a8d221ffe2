import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefiImportError } from './problems';
import { readProjectFile, readQdc, readQdpx } from './read';
import { sampleParts, sharedFile, zipOf } from './test-support';

// Damaged input must end in a returned project or a thrown RefiImportError naming the
// problem: never a hang, never another kind of throw, never a crash of the process.

function outcome(read: () => unknown): 'ok' | 'error' {
  try {
    read();
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(RefiImportError);
    expect((e as RefiImportError).problems.length).toBeGreaterThan(0);
    return 'error';
  }
}

const SAMPLE = sharedFile('sample-semey.qdpx');
const { qde, sourceName, source } = sampleParts();

const byteEdits = fc.array(fc.tuple(fc.nat(SAMPLE.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });

describe('fuzzing the importer', () => {
  it('survives mutated bytes of the sample archive', () => {
    fc.assert(
      fc.property(byteEdits, (edits) => {
        const bytes = SAMPLE.slice();
        for (const [i, b] of edits) bytes[i] = b;
        outcome(() => readQdpx(bytes));
        outcome(() => readProjectFile(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('survives truncated and extended archives', () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length), fc.uint8Array({ maxLength: 64 }), (cut, tail) => {
        const bytes = new Uint8Array([...SAMPLE.slice(0, cut), ...tail]);
        outcome(() => readQdpx(bytes));
      }),
      { numRuns: 300 },
    );
  });

  // Mutating the XML before zipping (stored) reaches the parser and the project reader,
  // which byte flips in deflated data mostly do not.
  const xmlEdit = fc.oneof(
    fc.tuple(fc.constant('replace' as const), fc.nat(qde.length - 1), fc.constantFrom('<', '>', '"', '&', '/', '=', ' ', '1', '-', '{', 'x', '\u0000', '&#0;', '&#x1F44D;', ']]>', '<!--')),
    fc.tuple(fc.constant('delete' as const), fc.nat(qde.length - 1), fc.integer({ min: 1, max: 40 })),
    fc.tuple(fc.constant('duplicate' as const), fc.nat(qde.length - 1), fc.integer({ min: 1, max: 200 })),
  );

  it('survives mutated project XML inside a valid archive', () => {
    fc.assert(
      fc.property(fc.array(xmlEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        let xml = qde;
        for (const edit of edits) {
          const at = Math.min(edit[1], xml.length);
          if (edit[0] === 'replace') xml = xml.slice(0, at) + edit[2] + xml.slice(at + 1);
          else if (edit[0] === 'delete') xml = xml.slice(0, at) + xml.slice(at + edit[2]);
          else xml = xml.slice(0, at) + xml.slice(at, at + edit[2]) + xml.slice(at);
        }
        const bytes = zipOf({ 'project.qde': xml, [sourceName]: source }, 0);
        outcome(() => readQdpx(bytes));
        outcome(() => readQdpx(bytes, { onUnplaceable: 'omit' }));
        outcome(() => readQdc(new TextEncoder().encode(xml)));
      }),
      { numRuns: 400 },
    );
  });

  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        outcome(() => readProjectFile(bytes));
        outcome(() => readQdc(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
