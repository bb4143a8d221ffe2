import { describe, expect, it } from 'vitest';
import { codePaths } from './code-paths';

const code = (id: number, parentId: number | null, name: string, sortOrder = 0) => ({ id, parentId, name, color: '#000000', shortcut: null, archived: false, sortOrder });

describe('codePaths', () => {
  it('lists codes depth-first in order with their full paths', () => {
    const out = codePaths([code(3, 1, 'eOtinish', 2), code(1, null, 'Channels'), code(2, 1, 'Akimat', 1), code(4, null, 'Elections', 1)]);
    expect(out.map((c) => c.path)).toEqual(['Channels', 'Channels / Akimat', 'Channels / eOtinish', 'Elections']);
  });
});
