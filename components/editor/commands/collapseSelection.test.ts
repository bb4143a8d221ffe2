import { describe, expect, it } from 'vitest';
import { documentOf, run, selecting, stateWith } from '../testing/editorState';
import { collapseSelection } from './collapseSelection';

describe('collapseSelection', () => {
  it('leaves the cursor at the end of the selection', () => {
    const { doc, ranges } = documentOf(['Alpha beta', 'gamma']);
    const out = run(selecting(stateWith(doc), ranges, 2, 13), collapseSelection);
    expect(out.ok).toBe(true);
    expect(out.state.selection.empty).toBe(true);
    expect(out.state.selection.from).toBe(15);
  });
});
