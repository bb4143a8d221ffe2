import { describe, expect, it } from 'vitest';
import { agreementReadiness } from './readiness';

const doc = (id: string, assignedCoders: string[]) => ({ id, turns: [], assignedCoders, codings: {} });

describe('agreementReadiness', () => {
  it('is ready when a document has two chosen coders assigned, and names coders who compare with nobody', () => {
    const r = agreementReadiness({ coders: ['ana', 'bek', 'cai'], documents: [doc('FG01', ['ana', 'bek']), doc('FG02', ['cai'])] });
    expect(r).toEqual({ problem: null, compared: 1, idle: ['cai'] });
  });

  it('needs two coders', () => {
    expect(agreementReadiness({ coders: ['ana', 'ana'], documents: [doc('FG01', ['ana'])] }).problem).toEqual({ kind: 'too-few-coders', chosen: 1 });
  });

  it('needs documents', () => {
    expect(agreementReadiness({ coders: ['ana', 'bek'], documents: [] }).problem).toEqual({ kind: 'no-documents' });
  });

  it('says who is assigned where when no document has two chosen coders', () => {
    const r = agreementReadiness({ coders: ['ana', 'bek'], documents: [doc('FG01', ['ana', 'dan']), doc('FG02', [])] });
    expect(r.problem).toEqual({
      kind: 'no-shared-documents',
      documents: [
        { id: 'FG01', assigned: ['ana'] },
        { id: 'FG02', assigned: [] },
      ],
    });
    expect(r.compared).toBe(0);
  });
});
