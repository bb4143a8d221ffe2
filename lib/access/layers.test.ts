import { describe, expect, it } from 'vitest';
import { layerKey, mayEditLayer, mayViewLayer, parseLayerList, visibleCountKeys } from './layers';

const consensus = { kind: 'consensus' } as const;
const own = { kind: 'coder', coderId: 7 } as const;
const other = { kind: 'coder', coderId: 8 } as const;

describe('layer visibility', () => {
  it('lets a lead see every layer', () => {
    const lead = { role: 'lead', userId: 1, blindMode: true } as const;
    expect([consensus, own, other].every((l) => mayViewLayer(lead, l))).toBe(true);
  });

  it('hides other coders and consensus from a coder in blind mode, shows them otherwise', () => {
    const blind = { role: 'coder', userId: 7, blindMode: true } as const;
    expect(mayViewLayer(blind, own)).toBe(true);
    expect(mayViewLayer(blind, other)).toBe(false);
    expect(mayViewLayer(blind, consensus)).toBe(false);
    const open = { ...blind, blindMode: false };
    expect(mayViewLayer(open, other)).toBe(true);
    expect(mayViewLayer(open, consensus)).toBe(true);
  });

  it('shows a viewer only the consensus layer', () => {
    const viewer = { role: 'viewer', userId: 9, blindMode: false } as const;
    expect(mayViewLayer(viewer, consensus)).toBe(true);
    expect(mayViewLayer(viewer, other)).toBe(false);
  });

  it('lets coders edit only their own layer and leads the consensus', () => {
    const coder = { role: 'coder', userId: 7, blindMode: false } as const;
    expect(mayEditLayer(coder, own)).toBe(true);
    expect(mayEditLayer(coder, other)).toBe(false);
    expect(mayEditLayer(coder, consensus)).toBe(false);
    expect(mayEditLayer({ role: 'lead', userId: 1, blindMode: true }, consensus)).toBe(true);
    expect(mayEditLayer({ role: 'viewer', userId: 9, blindMode: false }, consensus)).toBe(false);
  });

  it('filters per-layer count keys the same way', () => {
    const may = visibleCountKeys({ role: 'coder', userId: 7, blindMode: true });
    expect(['consensus', 'coder:7', 'coder:8', 'junk'].filter(may)).toEqual(['coder:7']);
  });
});

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
