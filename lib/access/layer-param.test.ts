import { describe, expect, it } from 'vitest';
import { layerKey, parseLayerList } from './layer-param';

describe('layer list parameter', () => {
  it('parses consensus and coder layers and reports the rest', () => {
    expect(parseLayerList('consensus, coder:12,coder:x,,coder:0')).toEqual({
      layers: [{ kind: 'consensus' }, { kind: 'coder', coderId: 12 }],
      unknown: ['coder:x', 'coder:0'],
    });
  });
  it('writes keys that parse back', () => {
    expect(parseLayerList([layerKey({ kind: 'coder', coderId: 3 }), layerKey({ kind: 'consensus' })].join(',')).layers).toEqual([
      { kind: 'coder', coderId: 3 },
      { kind: 'consensus' },
    ]);
  });
});
