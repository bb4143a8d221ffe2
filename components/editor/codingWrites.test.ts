import { describe, expect, it } from 'vitest';
import type { EditorState } from '@tiptap/pm/state';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import type { ActionResult } from '@/server/edge/action';
import { codingWriter, layerOf, settle, standIns, type CodingRemote } from './codingWrites';
import { drawCodings } from './helpers/drawCodings';
import { highlightList } from './helpers/highlights';
import { highlightsOnScreen } from './plugins/codingHighlights';
import { documentOf, drawn, selecting, stateWith } from './testing/editorState';
import type { CodingChange, TextRange } from './types';

const refusal = { ok: false as const, error: 'You may not edit this layer', reason: 'coding.layer_forbidden' as const, details: {} };

/**
 * The server, as the editor's actions see it: codings kept in memory, each call answered
 * after the test lets it (so what shows before the answer can be looked at), or refused.
 */
class FakeServer implements CodingRemote {
  codings = new Map<number, EditorCoding>();
  nextId = 100;
  refuse = false;
  calls: string[] = [];
  private answer<T>(what: string, value: () => T): Promise<ActionResult<T>> {
    this.calls.push(what);
    return Promise.resolve(this.refuse ? refusal : { ok: true, value: value() });
  }
  create(layer: LayerRef, codeIds: number[], range: TextRange) {
    return this.answer(`create ${codeIds} ${range.start}-${range.end}`, () =>
      codeIds.map((codeId) => {
        const c: EditorCoding = { ...standIns(layer, [codeId], range)[0], id: this.nextId++, coderName: 'Coder 1' };
        this.codings.set(c.id, c);
        return c;
      }),
    );
  }
  remove(codingId: number) {
    return this.answer(`remove ${codingId}`, () => {
      this.codings.delete(codingId);
      return { id: codingId };
    });
  }
  update(codingId: number, change: CodingChange) {
    return this.answer(`update ${codingId} ${JSON.stringify(change)}`, () => {
      const c = { ...this.codings.get(codingId)!, ...change };
      this.codings.set(codingId, c);
      return c;
    });
  }
  createCode(name: string) {
    return this.answer(`code ${name}`, () => ({ id: 9, name, color: '#123456' }));
  }
}

/** An undo stack as `useUndoStack` keeps one, without React. */
function undoStack() {
  const done: Array<{ undo: () => Promise<void>; redo: () => Promise<void> }> = [];
  const undone: typeof done = [];
  return {
    push: (e: (typeof done)[number]) => void done.push(e),
    undo: async () => {
      const e = done.pop();
      if (e) await e.undo().then(() => undone.push(e));
    },
    redo: async () => {
      const e = undone.pop();
      if (e) await e.redo().then(() => done.push(e));
    },
    size: () => done.length,
  };
}

// "Alpha beta gamma" / "Delta epsilon": offsets 0..16 and 17..30.
function setup(initial: EditorCoding[] = []) {
  const { doc, ranges } = documentOf(['Alpha beta gamma', 'Delta epsilon']);
  const server = new FakeServer();
  for (const c of initial) server.codings.set(c.id, c);
  let codings = [...initial];
  const ctx = { ranges, codes: new Map([[1, { color: '#ff0000' }], [2, { color: '#00ff00' }]]), shown: null, activeAt: null };
  // The editor opens with the codings it was given drawn, and "beta" selected.
  let state: EditorState = selecting(stateWith(doc, highlightList(initial, ctx)), ranges, 6, 10);
  const messages: Array<string | null> = [];
  const undo = undoStack();
  const writer = codingWriter({
    remote: server,
    change: (fn) => (codings = fn(codings)),
    draw: drawCodings((command) => command(state, (tr) => (state = state.apply(tr))), () => ctx),
    report: (m) => messages.push(m),
    undo,
  });
  return {
    server,
    writer,
    undo,
    messages,
    codings: () => codings.map((c) => `${c.id}:${c.codeId}@${c.start}-${c.end}`),
    screen: () => drawn(state).map((d) => `${d.id}@${d.from}-${d.to}`),
    onScreen: () => [...highlightsOnScreen(state).keys()],
    state: () => state,
  };
}

const coder: LayerRef = { kind: 'coder', coderId: 3 };
const saved = (id: number, codeId: number, start: number, end: number, memo = ''): EditorCoding => ({
  id,
  codeId,
  layer: 'coder',
  coderId: 3,
  coderName: 'Coder 1',
  start,
  end,
  memo,
  needsReview: false,
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('settle', () => {
  it('gives the value of an answer that is ok', async () => {
    const told: string[] = [];
    expect(await settle(Promise.resolve({ ok: true as const, value: 5 }), (m) => told.push(m))).toBe(5);
    expect(told).toEqual([]);
  });
  it('tells the refusal in the words the server chose, and gives null', async () => {
    const told: string[] = [];
    expect(await settle(Promise.resolve(refusal), (m) => told.push(m))).toBeNull();
    expect(told).toEqual(['You may not edit this layer']);
  });
  it('takes a request that got no answer as a failure', async () => {
    const told: string[] = [];
    expect(await settle(Promise.reject(new Error('Failed to fetch')), (m) => told.push(m))).toBeNull();
    expect(told).toEqual(['Failed to fetch']);
  });
});

describe('layerOf and standIns', () => {
  it('names the layer of a coding', () => {
    expect(layerOf({ layer: 'consensus', coderId: 0 })).toEqual({ kind: 'consensus' });
    expect(layerOf({ layer: 'coder', coderId: 4 })).toEqual({ kind: 'coder', coderId: 4 });
  });
  it('makes stand-ins with fresh negative ids, in the layer written to', () => {
    const [a, b] = standIns({ kind: 'consensus' }, [1, 2], { start: 3, end: 8 });
    expect(a.id).toBeLessThan(0);
    expect(b.id).toBeLessThan(a.id);
    expect(a).toMatchObject({ codeId: 1, layer: 'consensus', coderId: 0, start: 3, end: 8, memo: '' });
    expect(standIns(coder, [1], { start: 0, end: 1 })[0]).toMatchObject({ layer: 'coder', coderId: 3 });
  });
});

describe('applying codes', () => {
  it('shows stand-ins at once, with the selection dropped, and the saved codings once the server answers', async () => {
    const t = setup();
    const pending = t.writer.apply(coder, [1, 2], { start: 6, end: 10 });
    // Before the server's answer: the stand-ins are held and drawn, the selection is gone.
    expect(t.codings().map((s) => s.replace(/^-\d+/, 'temp'))).toEqual(['temp:1@6-10', 'temp:2@6-10']);
    expect(t.screen().map((s) => s.replace(/^-\d+/, 'temp'))).toEqual(['temp@7-11', 'temp@7-11']);
    expect(t.state().selection.empty).toBe(true);
    await pending;
    expect(t.codings()).toEqual(['100:1@6-10', '101:2@6-10']);
    expect(t.screen()).toEqual(['100@7-11', '101@7-11']);
    expect(t.server.calls).toEqual(['create 1,2 6-10']);
    expect(t.messages).toEqual([null]);
  });

  it('rolls the codings and their highlights back when the server refuses, and says why', async () => {
    const t = setup([saved(50, 1, 0, 5)]);
    t.server.refuse = true;
    await t.writer.apply(coder, [2], { start: 6, end: 10 });
    expect(t.codings()).toEqual(['50:1@0-5']);
    expect(t.onScreen()).toEqual([50]);
    expect(t.messages).toEqual([null, 'You may not edit this layer']);
    expect(t.undo.size()).toBe(0);
  });

  it('undoes by removing the saved codings, and redoes by coding again', async () => {
    const t = setup();
    await t.writer.apply(coder, [1], { start: 6, end: 10 });
    await t.undo.undo();
    expect(t.codings()).toEqual([]);
    expect(t.screen()).toEqual([]);
    expect([...t.server.codings.keys()]).toEqual([]);
    await t.undo.redo();
    expect(t.codings()).toEqual(['101:1@6-10']);
    expect(t.screen()).toEqual(['101@7-11']);
    // Undo after redo removes the coding redo made.
    await t.undo.undo();
    expect(t.server.calls).toEqual(['create 1 6-10', 'remove 100', 'create 1 6-10', 'remove 101']);
    expect(t.screen()).toEqual([]);
  });

  it('keeps the screen as it is when an undo is refused', async () => {
    const t = setup();
    await t.writer.apply(coder, [1], { start: 6, end: 10 });
    t.server.refuse = true;
    await t.undo.undo();
    expect(t.codings()).toEqual(['100:1@6-10']);
    expect(t.screen()).toEqual(['100@7-11']);
  });

  it('does nothing without codes', async () => {
    const t = setup();
    await t.writer.apply(coder, [], { start: 6, end: 10 });
    expect(t.server.calls).toEqual([]);
    expect(t.state().selection.empty).toBe(false);
  });
});

describe('removing a coding', () => {
  it('takes it away at once and for good once the server agrees', async () => {
    const t = setup([saved(50, 1, 0, 5), saved(51, 2, 6, 10)]);
    const pending = t.writer.remove(saved(50, 1, 0, 5));
    expect(t.codings()).toEqual(['51:2@6-10']);
    expect(t.onScreen()).toEqual([51]);
    await pending;
    expect(t.codings()).toEqual(['51:2@6-10']);
    expect([...t.server.codings.keys()]).toEqual([51]);
  });

  it('puts it back, on screen too, when the server refuses', async () => {
    const t = setup([saved(50, 1, 0, 5)]);
    t.server.refuse = true;
    await t.writer.remove(saved(50, 1, 0, 5));
    expect(t.codings()).toEqual(['50:1@0-5']);
    expect(t.screen()).toEqual(['50@1-6']);
    expect(t.messages.at(-1)).toBe('You may not edit this layer');
  });

  it('undoes by coding the passage again in its own layer, memo and all', async () => {
    const t = setup([saved(50, 1, 0, 5, 'a memo')]);
    await t.writer.remove(saved(50, 1, 0, 5, 'a memo'));
    await t.undo.undo();
    expect(t.codings()).toEqual(['100:1@0-5']);
    expect(t.screen()).toEqual(['100@1-6']);
    expect(t.server.codings.get(100)).toMatchObject({ memo: 'a memo', layer: 'coder', coderId: 3 });
    await t.undo.redo();
    expect(t.codings()).toEqual([]);
    expect(t.server.calls).toEqual(['remove 50', 'create 1 0-5', 'update 100 {"memo":"a memo"}', 'remove 100']);
  });
});

describe('changing a coding', () => {
  it('shows the change once the server has made it, and undoes and redoes it', async () => {
    const t = setup([saved(50, 1, 0, 5)]);
    await t.writer.update(saved(50, 1, 0, 5), { codeId: 2, end: 10 });
    expect(t.codings()).toEqual(['50:2@0-10']);
    expect(drawn(t.state()).map((d) => [d.id, d.from, d.to, d.hl])).toEqual([[50, 1, 11, '00ff00']]);
    await t.undo.undo();
    expect(t.codings()).toEqual(['50:1@0-5']);
    expect(drawn(t.state()).map((d) => [d.id, d.from, d.to, d.hl])).toEqual([[50, 1, 6, 'ff0000']]);
    await t.undo.redo();
    expect(t.codings()).toEqual(['50:2@0-10']);
  });

  it('changes nothing when the server refuses', async () => {
    const t = setup([saved(50, 1, 0, 5)]);
    t.server.refuse = true;
    await t.writer.update(saved(50, 1, 0, 5), { memo: 'x' });
    expect(t.codings()).toEqual(['50:1@0-5']);
    expect(t.undo.size()).toBe(0);
    expect(t.messages).toEqual(['You may not edit this layer']);
  });
});

describe('creating a code', () => {
  it('gives the new code as the editor lists it', async () => {
    const t = setup();
    expect(await t.writer.createCode('Жаңа код')).toEqual({ id: 9, name: 'Жаңа код', path: 'Жаңа код', depth: 0, color: '#123456', shortcut: null, archived: false });
    t.server.refuse = true;
    expect(await t.writer.createCode('x')).toBeNull();
  });
});
