import { describe, expect, it } from 'vitest';
import { codePaths, withPaths } from './code-paths';

const code = (id: number, parentId: number | null, name: string, sortOrder = 0) => ({ id, parentId, name, color: '#000000', shortcut: null, archived: false, sortOrder });

describe('codePaths', () => {
  it('lists codes depth-first in order with their full paths', () => {
    const out = codePaths([code(3, 1, 'eOtinish', 2), code(1, null, 'Channels'), code(2, 1, 'Akimat', 1), code(4, null, 'Elections', 1)]);
    expect(out.map((c) => c.path)).toEqual(['Channels', 'Channels / Akimat', 'Channels / eOtinish', 'Elections']);
    expect(out.map((c) => c.depth)).toEqual([0, 1, 1, 0]);
  });

  it('carries the depth as data, so a name holding " / " is not mistaken for a level', () => {
    const out = codePaths([code(1, null, 'Channels'), code(2, 1, 'e-Otinish / eGov'), code(3, null, 'A / B / C')]);
    expect(out.map((c) => [c.path, c.depth, c.names])).toEqual([
      ['Channels', 0, ['Channels']],
      ['Channels / e-Otinish / eGov', 1, ['Channels', 'e-Otinish / eGov']],
      ['A / B / C', 0, ['A / B / C']],
    ]);
  });

  it('treats a code whose parent is missing as a root and never loops on a cycle', () => {
    expect(withPaths([code(1, 9, 'Orphan'), code(2, 3, 'X'), code(3, 2, 'Y')]).map((c) => c.path)).toEqual(['Orphan']);
    expect(withPaths([code(2, 2, 'Self')])).toEqual([]);
  });
});
