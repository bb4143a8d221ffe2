'use client';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import { TextSelection } from '@tiptap/pm/state';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createCodeInEditorAction, createCodingsAction, deleteCodingAction, updateCodingAction } from '@/server/actions/codings';
import type { CodingView } from '@/db/queries/codings';
import { unpackCodings, type EditorCoding, type PackedCodings } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import { snapToWords } from '@/lib/coding/range';
import { offsetToPos, posToOffset } from '@/lib/text/positions';
import type { TurnRange } from '@/lib/text/canonical';
import { unpackTurns, type PackedTurns } from '@/lib/text/editor-turns';
import { useI18n } from '../I18nProvider';
import { CodePopover } from './CodePopover';
import { CodingInfo } from './CodingInfo';
import { CodesSidebar } from './CodesSidebar';
import { MarginStripes } from './MarginStripes';
import { Turn } from './nodes/turn';
import { syncHighlights } from './commands/syncHighlights';
import { CodingHighlights, highlightsBeforePlugin, highlightStyles, type Highlight } from './plugins/codingHighlights';
import { ReadOnlyText } from './plugins/readOnlyText';
import type { EditorCode } from './types';
import { useUndoStack } from './useUndoStack';

export interface CodingEditorProps {
  projectId: string;
  documentId: number;
  version: number;
  turns: PackedTurns;
  codes: EditorCode[];
  codings: PackedCodings;
  /** The layer new codings go to; null when the viewer may only read. */
  editLayer: LayerRef | null;
  /** Colour per coder id, shown on stripes when several layers are on screen. */
  coderColors: Record<number, string> | null;
  /** May the viewer add codes from the popover (leads; coders when the lead allows it)? */
  canCreateCodes?: boolean;
  /** A range to select and scroll to on opening (a drill-down or search hit). */
  initialRange?: { start: number; end: number } | null;
}

const DocumentOfTurns = Document.extend({ content: 'turn+' });
const RECENT_KEY = 'fgcoder.recentCodes';

let tempIds = -1;

export function CodingEditor(props: CodingEditorProps) {
  const { t } = useI18n();
  const router = useRouter();
  const { projectId, documentId, version, editLayer } = props;
  const turns = useMemo(() => unpackTurns(props.turns), [props.turns]);
  const [codes, setCodes] = useState<EditorCode[]>(props.codes);
  useEffect(() => setCodes(props.codes), [props.codes]);
  const fromServer = useMemo(() => unpackCodings(props.codings), [props.codings]);
  const [codings, setCodings] = useState<EditorCoding[]>(fromServer);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const lastSelection = useRef<{ start: number; end: number } | null>(null);
  const [snap, setSnap] = useState(true);
  const [activeAt, setActiveAt] = useState<number | null>(null);
  const [shownCodes, setShownCodes] = useState<Set<number> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [recent, setRecent] = useState<number[]>([]);
  const [layoutTick, setLayoutTick] = useState(0);
  const undo = useUndoStack();
  const ranges = useMemo(() => turns.map((x) => ({ start: x.start, end: x.end })), [turns]);
  const text = useMemo(() => turns.map((x) => x.text).join('\n'), [turns]);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const highlightCss = useMemo(() => highlightStyles(codes.map((c) => c.color)), [codes]);

  // Codings from the server (a reload, another tab's work after focus) replace ours.
  useEffect(() => setCodings(fromServer), [fromServer]);
  useEffect(() => {
    const refresh = () => router.refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [router]);
  useEffect(() => {
    try {
      setRecent(JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]'));
    } catch {
      setRecent([]);
    }
  }, []);
  const noteRecent = (ids: number[]) => {
    const next = [...ids, ...recent.filter((r) => !ids.includes(r))].slice(0, 12);
    setRecent(next);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  };

  const content = useMemo(
    () => ({
      type: 'doc',
      content: turns.map((x) => ({
        type: 'turn',
        attrs: { seq: x.seq, speaker: x.speaker, kind: x.kind, info: x.info },
        content: x.text ? [{ type: 'text', text: x.text }] : [],
      })),
    }),
    [turns],
  );

  const onSelection = useCallback(
    (editor: Editor) => {
      const { from, to, empty } = editor.state.selection;
      if (empty) {
        setSelection(null);
        return;
      }
      let start = posToOffset(ranges, from);
      let end = posToOffset(ranges, to);
      if (snap) ({ start, end } = snapToWords(text, start, end));
      if (end <= start) {
        setSelection(null);
        return;
      }
      setSelection({ start, end });
      lastSelection.current = { start, end };
    },
    [ranges, snap, text],
  );

  // The visible codings, as highlights.
  const visible = useMemo(() => codings.filter((c) => !shownCodes || shownCodes.has(c.codeId)), [codings, shownCodes]);
  const wanted = useMemo(() => highlightsOf(visible, ranges, codeById, activeAt), [visible, ranges, codeById, activeAt]);
  // Read once, when the editor is made (the options of later renders are not applied).
  const initialHighlights = useMemo(() => [...wanted.values()], [wanted]);

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [DocumentOfTurns, Text, Turn, ReadOnlyText, CodingHighlights.configure({ initial: initialHighlights })],
      content,
      editorProps: {
        attributes: { class: 'transcript-editor', spellcheck: 'false', 'data-testid': 'transcript', 'aria-label': t('editor.transcript') },
        decorations: highlightsBeforePlugin(initialHighlights),
      },
    },
    [content],
  );

  useEffect(() => {
    if (!editor) return;
    const handler = () => onSelection(editor);
    editor.on('selectionUpdate', handler);
    return () => {
      editor.off('selectionUpdate', handler);
    };
  }, [editor, onSelection]);

  // Later changes patch the decoration set with the difference from what it draws, never
  // rebuilding it from scratch.
  useEffect(() => {
    if (!editor) return;
    if (syncHighlights(wanted)(editor.state, editor.view.dispatch)) setLayoutTick((n) => n + 1);
  }, [editor, wanted]);

  const fail = (error: string) => setMessage(t('editor.failed', { message: error }));

  const createRemote = async (codeIds: number[], start: number, end: number): Promise<CodingView[] | null> => {
    if (!editLayer) return null;
    const res = await createCodingsAction(projectId, { documentId, version, codeIds, start, end, layer: editLayer });
    if (!res.ok) {
      fail(res.error);
      return null;
    }
    return res.value;
  };

  const removeRemote = async (ids: number[]) => {
    for (const id of ids) {
      const res = await deleteCodingAction(projectId, { codingId: id });
      if (!res.ok) {
        fail(res.error);
        return false;
      }
    }
    return true;
  };

  /** Applies codes to the current selection, optimistically: the highlight shows at once and rolls back on failure. */
  const applyCodes = async (codeIds: number[]) => {
    const range = selection;
    if (!range || !editLayer || codeIds.length === 0) return;
    noteRecent(codeIds);
    const temps: EditorCoding[] = codeIds.map((codeId) => ({
      id: tempIds--,
      codeId,
      layer: editLayer.kind,
      coderId: editLayer.kind === 'coder' ? editLayer.coderId : 0,
      coderName: '',
      start: range.start,
      end: range.end,
      memo: '',
      needsReview: false,
      updatedAt: new Date().toISOString(),
    }));
    setCodings((cs) => [...cs, ...temps]);
    setMessage(null);
    // The passage is coded: drop the selection and give the keyboard back to the text.
    if (editor) {
      editor.commands.setTextSelection(editor.state.selection.to);
      editor.view.focus();
    }
    const created = await createRemote(codeIds, range.start, range.end);
    const tempSet = new Set(temps.map((x) => x.id));
    setCodings((cs) => [...cs.filter((c) => !tempSet.has(c.id) && !created?.some((n) => n.id === c.id)), ...(created ?? [])]);
    if (!created) return;
    let ids = created.map((c) => c.id);
    undo.push({
      undo: async () => {
        if (await removeRemote(ids)) setCodings((cs) => cs.filter((c) => !ids.includes(c.id)));
      },
      redo: async () => {
        const again = await createRemote(codeIds, range.start, range.end);
        if (again) {
          ids = again.map((c) => c.id);
          setCodings((cs) => [...cs.filter((c) => !ids.includes(c.id)), ...again]);
        }
      },
    });
  };

  /** Adds a code to the codebook (typed in the popover, or in vivo) and applies it. */
  const createAndApply = async (name: string) => {
    const res = await createCodeInEditorAction(projectId, { name });
    if (!res.ok) {
      fail(res.error);
      return;
    }
    const code = { id: res.value.id, name: res.value.name, path: res.value.name, color: res.value.color, shortcut: null, archived: false };
    setCodes((cs) => [...cs, code]);
    await applyCodes([code.id]);
  };

  const removeCoding = async (coding: EditorCoding) => {
    setCodings((cs) => cs.filter((c) => c.id !== coding.id));
    if (!(await removeRemote([coding.id]))) {
      setCodings((cs) => [...cs, coding]);
      return;
    }
    let current = coding;
    undo.push({
      undo: async () => {
        const again = await createRemote([coding.codeId], coding.start, coding.end);
        if (again?.[0]) {
          if (coding.memo) await updateCodingAction(projectId, { codingId: again[0].id, memo: coding.memo });
          current = { ...again[0], memo: coding.memo };
          setCodings((cs) => [...cs, current]);
        }
      },
      redo: async () => {
        if (await removeRemote([current.id])) setCodings((cs) => cs.filter((c) => c.id !== current.id));
      },
    });
  };

  const updateCoding = async (coding: EditorCoding, change: { codeId?: number; start?: number; end?: number; memo?: string }) => {
    const res = await updateCodingAction(projectId, { codingId: coding.id, ...change });
    if (!res.ok) {
      fail(res.error);
      return;
    }
    setCodings((cs) => cs.map((c) => (c.id === coding.id ? res.value : c)));
    const before = { codeId: coding.codeId, start: coding.start, end: coding.end, memo: coding.memo };
    undo.push({
      undo: async () => {
        const r = await updateCodingAction(projectId, { codingId: coding.id, ...before });
        if (r.ok) setCodings((cs) => cs.map((c) => (c.id === coding.id ? r.value : c)));
      },
      redo: async () => {
        const r = await updateCodingAction(projectId, { codingId: coding.id, ...change });
        if (r.ok) setCodings((cs) => cs.map((c) => (c.id === coding.id ? r.value : c)));
      },
    });
  };

  // Keyboard: shortcuts apply codes to the selection; Ctrl+Z / Ctrl+Shift+Z undo and redo.
  const shortcutCodes = useMemo(() => new Map(codes.filter((c) => c.shortcut && !c.archived).map((c) => [c.shortcut!.toLowerCase(), c.id])), [codes]);
  const popoverInput = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void (e.shiftKey ? undo.redo() : undo.undo());
        return;
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        void undo.redo();
        return;
      }
      if (mod || e.altKey) return;
      if (e.key === 'Escape') {
        editor.commands.setTextSelection(editor.state.selection.to);
        setActiveAt(null);
        return;
      }
      if (!selection || !editLayer) return;
      const code = shortcutCodes.get(e.key.toLowerCase());
      if (code) {
        e.preventDefault();
        void applyCodes([code]);
      } else if (e.key.length === 1 && popoverInput.current) {
        // Typing starts the code search in the popover.
        e.preventDefault();
        const input = popoverInput.current;
        input.focus();
        // Through the native setter, so React sees the change.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, e.key);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (e.key === 'Enter' && popoverInput.current) {
        e.preventDefault();
        popoverInput.current.focus();
      }
    };
    // Text that arrives without a usable keydown (an input method, dictation, a layout the
    // browser reports as "Unidentified") also starts the code search.
    const onBeforeInput = (e: InputEvent) => {
      if (!e.data || !selection || !editLayer || !popoverInput.current) return;
      e.preventDefault();
      const input = popoverInput.current;
      input.focus();
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, input.value + e.data);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    dom.addEventListener('keydown', onKey);
    dom.addEventListener('beforeinput', onBeforeInput);
    return () => {
      dom.removeEventListener('keydown', onKey);
      dom.removeEventListener('beforeinput', onBeforeInput);
    };
  });

  // A click on a highlight opens its codings.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onClick = (e: MouseEvent) => {
      if (!editor.state.selection.empty) return;
      const target = e.target as HTMLElement;
      if (!target.closest('.coding')) {
        setActiveAt(null);
        return;
      }
      const pos = editor.view.posAtCoords({ left: e.clientX, top: e.clientY });
      if (pos) setActiveAt(posToOffset(ranges, pos.pos));
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor, ranges]);

  const goTo = (coding: Pick<EditorCoding, 'start' | 'end'>) => {
    if (!editor) return;
    const from = offsetToPos(ranges, coding.start);
    const to = offsetToPos(ranges, coding.end);
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)).scrollIntoView());
    editor.view.focus();
    const el = editor.view.domAtPos(from).node as HTMLElement;
    (el.nodeType === 1 ? el : el.parentElement)?.scrollIntoView({ block: 'center' });
  };

  // Open at the requested passage once the editor exists.
  const opened = useRef(false);
  useEffect(() => {
    if (!editor || opened.current || !props.initialRange) return;
    opened.current = true;
    const { start, end } = props.initialRange;
    const textLength = ranges.length ? ranges[ranges.length - 1].end : 0;
    if (start < 0 || end > textLength || end < start) return;
    requestAnimationFrame(() => {
      goTo({ start, end });
      setActiveAt(start);
    });
  }, [editor]);

  const activeCodings = activeAt == null ? [] : visible.filter((c) => c.start <= activeAt && activeAt < c.end);
  const wrapper = useRef<HTMLDivElement>(null);

  return (
    <div className="coding-workspace">
      <style>{highlightCss}</style>
      <CodesSidebar
        codes={codes}
        codings={codings}
        shown={shownCodes}
        onShownChange={setShownCodes}
        onNavigate={(codeId, dir) => {
          const list = codings.filter((c) => c.codeId === codeId).sort((a, b) => a.start - b.start || a.end - b.end);
          if (!list.length) return;
          const at = editor ? posToOffset(ranges, editor.state.selection.from) : 0;
          const next = dir > 0 ? (list.find((c) => c.start > at) ?? list[0]) : ([...list].reverse().find((c) => c.start < at) ?? list[list.length - 1]);
          goTo(next);
        }}
      />
      <div className="editor-column">
        <div className="editor-toolbar">
          <label>
            <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> {t('editor.snapWords')}
          </label>
          <button type="button" className="link-button" disabled={!undo.canUndo} onClick={() => void undo.undo()} title="Ctrl+Z">
            {t('editor.undo')}
          </button>
          <button type="button" className="link-button" disabled={!undo.canRedo} onClick={() => void undo.redo()} title="Ctrl+Shift+Z">
            {t('editor.redo')}
          </button>
          {!editLayer && <span className="muted">{t('editor.readOnly')}</span>}
          {message && (
            <span role="alert" className="error">
              {message}
            </span>
          )}
        </div>
        <div className="editor-wrapper" ref={wrapper}>
          <EditorContent editor={editor} />
          {editor && (
            <MarginStripes
              editor={editor}
              container={wrapper}
              codings={visible}
              ranges={ranges}
              codes={codeById}
              coderColors={props.coderColors}
              tick={layoutTick}
              onPick={(c) => {
                setActiveAt(c.start);
                goTo(c);
              }}
            />
          )}
          {editor && selection && editLayer && (
            <CodePopover
              editor={editor}
              container={wrapper}
              at={offsetToPos(ranges, selection.end)}
              codes={codes}
              recent={recent}
              inputRef={popoverInput}
              onApply={(ids) => void applyCodes(ids)}
              canCreate={!!props.canCreateCodes}
              selectedText={text.slice(selection.start, selection.end)}
              onCreate={(name) => void createAndApply(name)}
              onClose={() => {
                editor.commands.setTextSelection(editor.state.selection.to);
                editor.view.focus();
              }}
            />
          )}
        </div>
      </div>
      {activeCodings.length > 0 && (
        <CodingInfo
          projectId={projectId}
          codings={activeCodings}
          text={text}
          codes={codes}
          canEdit={!!editLayer}
          editLayer={editLayer}
          selection={lastSelection.current}
          onRemove={(c) => void removeCoding(c)}
          onChange={(c, change) => void updateCoding(c, change)}
          onClose={() => setActiveAt(null)}
        />
      )}
    </div>
  );
}

/**
 * The highlights for the codings on screen, by coding id. A coding outside the text or
 * with nothing in it cannot be drawn (db:check reports the first kind).
 */
function highlightsOf(codings: readonly EditorCoding[], ranges: readonly TurnRange[], codes: Map<number, EditorCode>, activeAt: number | null): Map<number, Highlight> {
  const out = new Map<number, Highlight>();
  for (const c of codings) {
    if (c.end <= c.start) continue;
    try {
      out.set(c.id, {
        id: c.id,
        from: offsetToPos(ranges, c.start),
        to: offsetToPos(ranges, c.end),
        color: codes.get(c.codeId)?.color ?? '#888888',
        active: activeAt != null && c.start <= activeAt && activeAt < c.end,
      });
    } catch {
      // outside the text
    }
  }
  return out;
}
