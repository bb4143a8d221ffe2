'use client';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import { TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EditorCoding, PackedCodings } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import { offsetToPos, posToOffset } from '@/lib/text/positions';
import { unpackTurns, type PackedTurns } from '@/lib/text/editor-turns';
import { useI18n } from '../I18nProvider';
import { CodePopover } from './CodePopover';
import { CodingInfo } from './CodingInfo';
import { CodesSidebar } from './CodesSidebar';
import { MarginStripes } from './MarginStripes';
import { collapseSelection } from './commands/collapseSelection';
import { syncHighlights } from './commands/syncHighlights';
import { drawCodings } from './helpers/drawCodings';
import { codingsAt, highlightsOf, visibleCodings, type HighlightContext } from './helpers/highlights';
import { nextCoding, rangeWithin } from './helpers/navigation';
import { selectedRange } from './helpers/selection';
import { Turn } from './nodes/turn';
import { CodingHighlights, highlightsBeforePlugin, highlightsKey, highlightStyles } from './plugins/codingHighlights';
import { CodingKeyboard, shortcutsOf, type KeyboardHandlers } from './plugins/keyboard';
import { ReadOnlyText } from './plugins/readOnlyText';
import { CodingTypeAhead } from './plugins/typeAhead';
import type { EditorCode, TextRange } from './types';
import { useCodings } from './useCodings';
import { useLatest } from './useLatest';
import { useRecentCodes } from './useRecentCodes';

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
  initialRange?: TextRange | null;
}

const DocumentOfTurns = Document.extend({ content: 'turn+' });

/**
 * A transcript to code: the text (read only) with its codings as highlights, stripes in
 * the margin, the code popover at a selection, the codes of the document beside it and
 * the codings under a click in a panel. Codings and their writes are `useCodings`'; the
 * editor's commands (`commands/`) draw each write in the transaction that makes it.
 */
export function CodingEditor(props: CodingEditorProps) {
  const { t } = useI18n();
  const { projectId, documentId, version, editLayer } = props;
  const turns = useMemo(() => unpackTurns(props.turns), [props.turns]);
  const ranges = useMemo(() => turns.map((x) => ({ start: x.start, end: x.end })), [turns]);
  const text = useMemo(() => turns.map((x) => x.text).join('\n'), [turns]);
  const [codes, setCodes] = useState<EditorCode[]>(props.codes);
  useEffect(() => setCodes(props.codes), [props.codes]);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const [selection, setSelection] = useState<TextRange | null>(null);
  const lastSelection = useRef<TextRange | null>(null);
  const [snap, setSnap] = useState(true);
  const [activeAt, setActiveAt] = useState<number | null>(null);
  const [shownCodes, setShownCodes] = useState<Set<number> | null>(null);
  const [layoutTick, setLayoutTick] = useState(0);
  const recent = useRecentCodes();
  const popoverInput = useRef<HTMLInputElement | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  // How codings are drawn now, and the writes' way onto the screen: the editor's commands.
  const drawing = useLatest<HighlightContext>({ ranges, codes: codeById, shown: shownCodes, activeAt });
  const editorRef = useRef<Editor | null>(null);
  const draw = useMemo(() => {
    const run = (command: Command) => {
      const editor = editorRef.current;
      if (editor) command(editor.state, editor.view.dispatch);
    };
    const commands = drawCodings(run, () => drawing.current);
    return {
      ...commands,
      applied: (cs: EditorCoding[]) => {
        commands.applied(cs);
        // The passage is coded: the keyboard goes back to the text.
        editorRef.current?.view.focus();
      },
    };
  }, [drawing]);
  const store = useCodings({ projectId, documentId, version, codings: props.codings, draw });
  const { codings, undo } = store;

  const visible = useMemo(() => visibleCodings(codings, shownCodes), [codings, shownCodes]);
  const wanted = useMemo(() => highlightsOf(codings, { ranges, codes: codeById, shown: shownCodes, activeAt }), [codings, ranges, codeById, shownCodes, activeAt]);
  // Read once, when the editor is made (the options of later renders are not applied).
  const initialHighlights = useMemo(() => [...wanted.values()], [wanted]);
  const highlightCss = useMemo(() => highlightStyles(codes.map((c) => c.color)), [codes]);
  const shortcuts = useMemo(() => shortcutsOf(codes), [codes]);

  /** Applies codes to the current selection (optimistically: see `useCodings`). */
  const applyCodes = (codeIds: number[]) => {
    if (!selection || !editLayer || codeIds.length === 0) return;
    recent.note(codeIds);
    void store.apply(editLayer, codeIds, selection);
  };
  /** Adds a code to the codebook (typed in the popover, or in vivo) and applies it. */
  const createAndApply = async (name: string) => {
    const code = await store.createCode(name);
    if (!code) return;
    setCodes((cs) => [...cs, code]);
    applyCodes([code.id]);
  };

  // What the plugins ask when a key is pressed or a click lands.
  const keys = useLatest<KeyboardHandlers>({
    canApply: !!selection && !!editLayer,
    shortcuts,
    undo: () => void undo.undo(),
    redo: () => void undo.redo(),
    dismiss: () => setActiveAt(null),
    apply: (codeId) => applyCodes([codeId]),
  });
  const clicked = useLatest((pos: number | null) => setActiveAt(pos == null ? null : posToOffset(ranges, pos)));

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
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        DocumentOfTurns,
        Text,
        Turn,
        ReadOnlyText,
        CodingHighlights.configure({ initial: initialHighlights, onClick: (pos) => clicked.current(pos) }),
        CodingKeyboard.configure({ handlers: () => keys.current }),
        // Typing with a passage selected searches the codes in the popover.
        CodingTypeAhead.configure({ search: () => (keys.current.canApply ? popoverInput.current : null) }),
      ],
      content,
      editorProps: {
        attributes: { class: 'transcript-editor', spellcheck: 'false', 'data-testid': 'transcript', 'aria-label': t('editor.transcript') },
        decorations: highlightsBeforePlugin(initialHighlights),
      },
    },
    [content],
  );
  useLayoutEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const { from, to } = editor.state.selection;
      const range = selectedRange(ranges, text, from, to, snap);
      setSelection(range);
      if (range) lastSelection.current = range;
    };
    // The stripes are placed again after the highlights change.
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.getMeta(highlightsKey)) setLayoutTick((n) => n + 1);
    };
    editor.on('selectionUpdate', onSelection);
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('selectionUpdate', onSelection);
      editor.off('transaction', onTransaction);
    };
  }, [editor, ranges, text, snap]);

  // Changes that no command drew (codings from the server, codes shown or hidden, the
  // coding picked) patch the decoration set with the difference from what it draws.
  useEffect(() => {
    if (editor) syncHighlights(wanted)(editor.state, editor.view.dispatch);
  }, [editor, wanted]);

  const goTo = (passage: TextRange) => {
    if (!editor) return;
    const from = offsetToPos(ranges, passage.start);
    const to = offsetToPos(ranges, passage.end);
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
    const range = rangeWithin(props.initialRange, ranges.length ? ranges[ranges.length - 1].end : 0);
    if (!range) return;
    requestAnimationFrame(() => {
      goTo(range);
      setActiveAt(range.start);
    });
  }, [editor]);

  const activeCodings = codingsAt(visible, activeAt);

  return (
    <div className="coding-workspace">
      <style>{highlightCss}</style>
      <CodesSidebar
        codes={codes}
        codings={codings}
        shown={shownCodes}
        onShownChange={setShownCodes}
        onNavigate={(codeId, dir) => {
          const next = nextCoding(codings, codeId, editor ? posToOffset(ranges, editor.state.selection.from) : 0, dir);
          if (next) goTo(next);
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
          {store.failure && (
            <span role="alert" className="error">
              {t('editor.failed', { message: store.failure })}
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
              recent={recent.recent}
              inputRef={popoverInput}
              onApply={applyCodes}
              canCreate={!!props.canCreateCodes}
              selectedText={text.slice(selection.start, selection.end)}
              onCreate={(name) => void createAndApply(name)}
              onClose={() => {
                collapseSelection(editor.state, editor.view.dispatch);
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
          onRemove={(c) => void store.remove(c)}
          onChange={(c, change) => void store.update(c, change)}
          onClose={() => setActiveAt(null)}
        />
      )}
    </div>
  );
}
