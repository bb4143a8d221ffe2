import { describe, expect, it } from 'vitest';
import { AnalysisParamError, parseAnalysisParams } from './params';
import { attributeRef, resolveColumns, resolveFilter, resolveLayer, type AnalysisContext } from './resolve';
import { FIXTURE_ATTRIBUTES } from './test-fixture';
import type { AttributeInfo } from './types';
import type { LayerViewer } from '../access/layers';

const shared: AttributeInfo = { id: 9, name: 'language', scope: 'participant', type: 'category', values: [], bins: [], private: false };
const docLanguage: AttributeInfo = { ...shared, id: 10, scope: 'document' };
const ctx: AnalysisContext = {
  attributes: [...FIXTURE_ATTRIBUTES, shared, docLanguage],
  codes: [{ id: 101, parentId: null, name: 'Channels', color: '#000', sortOrder: 0, archived: false }],
  documents: [{ id: 1, title: 'FG Almaty' }],
  coders: [
    { id: 2, name: 'Coder 1' },
    { id: 3, name: 'Coder 2' },
  ],
  participantExists: (id) => id === 11,
};
const lead = { role: 'lead' as const, userId: 1, blindMode: true };
const coder = { role: 'coder' as const, userId: 2, blindMode: true };
const viewer = { role: 'viewer' as const, userId: 5, blindMode: false };

const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AnalysisParamError) return [e.status, e.message];
    throw e;
  }
  return 'no error';
};
const filter = (q: string, who: LayerViewer = lead) => resolveFilter(parseAnalysisParams(new URLSearchParams(q)), ctx, who, 'table');

describe('resolving against the project', () => {
  it('defaults the columns to city and the layer to the viewer’s natural one', () => {
    expect(resolveColumns({ cols: null, split: null }, ctx).columns).toEqual({ kind: 'attribute', attribute: FIXTURE_ATTRIBUTES[0] });
    expect(resolveLayer(null, ctx, lead)).toEqual({ kind: 'consensus' });
    expect(resolveLayer(null, ctx, coder)).toEqual({ kind: 'coder', coderId: 2 });
  });

  it('names an unknown attribute, code, document, participant or coder layer (400)', () => {
    expect(failure(() => resolveColumns({ cols: { kind: 'attribute', name: 'income' }, split: null }, ctx))).toEqual([400, "Parameter 'cols': unknown attribute 'income'"]);
    expect(failure(() => filter('attr.religion=x'))).toEqual([400, "Parameter 'attr.religion': unknown attribute 'religion'"]);
    expect(failure(() => filter('subtree=999'))).toEqual([400, "Parameter 'subtree': unknown code 999"]);
    expect(failure(() => filter('doc=77'))).toEqual([400, "Parameter 'doc': unknown document 77"]);
    expect(failure(() => filter('participant=12'))).toEqual([400, "Parameter 'participant': unknown participant 12"]);
    expect(failure(() => filter('layer=coder:99'))).toEqual([400, "Parameter 'layer': unknown layer 'coder:99'"]);
  });

  it('asks which attribute when a document and a participant attribute share a name', () => {
    expect(failure(() => filter('attr.language=kk'))).toEqual([400, "Parameter 'attr.language': 'language' is both a document and a participant attribute; write document:language or participant:language"]);
    expect(filter('attr.document:language=kk').attributes[0].attribute).toBe(docLanguage);
    expect(attributeRef(docLanguage, ctx)).toBe('document:language');
    expect(attributeRef(FIXTURE_ATTRIBUTES[1], ctx)).toBe('gender');
  });

  it('refuses splitting the columns by themselves', () => {
    expect(failure(() => resolveColumns({ cols: { kind: 'attribute', name: 'gender' }, split: { kind: 'attribute', name: 'gender' } }, ctx))).toEqual([400, "Parameter 'split': 'gender' is already the columns"]);
  });

  it('lets a blind coder use only their own layer (403 otherwise)', () => {
    expect(filter('layer=coder:2', coder).layer).toEqual({ kind: 'coder', coderId: 2 });
    expect(failure(() => filter('layer=coder:3', coder))).toEqual([403, 'You may not see the layer coder:3']);
    expect(failure(() => filter('layer=union', coder))).toEqual([403, "You may not see every coder's layer, so not their union"]);
    expect(failure(() => filter('layer=consensus', coder))).toEqual([403, 'You may not see the consensus layer']);
    expect(filter('layer=union', { ...coder, blindMode: false }).layer).toEqual({ kind: 'union' });
  });

  it('gives a viewer the consensus layer only, and a lead every layer', () => {
    expect(failure(() => filter('layer=coder:2', viewer))).toEqual([403, 'You may not see the layer coder:2']);
    expect(failure(() => filter('layer=union', viewer))).toEqual([403, "You may not see every coder's layer, so not their union"]);
    expect(filter('layer=union').layer).toEqual({ kind: 'union' });
    expect(filter('layer=coder:3').layer).toEqual({ kind: 'coder', coderId: 3 });
  });

  it('uses subtree for tables and code (+ rollup) for excerpts', () => {
    const p = parseAnalysisParams(new URLSearchParams('subtree=101&code=101'));
    expect(resolveFilter(p, ctx, lead, 'table')).toMatchObject({ codeId: 101, descendants: true });
    expect(resolveFilter(p, ctx, lead, 'excerpts')).toMatchObject({ codeId: 101, descendants: false });
  });
});
