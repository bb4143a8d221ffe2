'use client';
import { EditorContent, type Editor } from '@tiptap/react';
import type { Command } from '@tiptap/pm/state';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CodingColumns, EditorCoding } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import { offsetToPos, posToOffset } from '@/lib/text/positions';
import { unpackTurns, type PackedTurns } from '@/lib/text/editor-turns';
import { fromJsonText, type JsonText } from '@/lib/json-text';
import { useI18n } from '../I18nProvider';
import { CodePopover } from './CodePopover';
import { CodingInfo } from './CodingInfo';
import { CodesSidebar } from './CodesSidebar';
import { EditorToolbar } from './EditorToolbar';
import { MarginStripes } from './MarginStripes';
import { collapseSelection } from './commands/collapseSelection';
import { drawCodings } from './helpers/drawCodings';
import { codingsAt, highlightsOf, visibleCodings, type HighlightContext } from './helpers/highlights';
import { nextCoding, rangeWithin } from './helpers/navigation';
import { selectedRange } from './helpers/selection';
import { highlightStyles, type Highlight } from './plugins/codingHighlights';
import { shortcutsOf } from './plugins/keyboard';
import type { EditorCode, TextRange } from './types';
import { useCodings } from './useCodings';
import { useLatest } from './useLatest';
import { LiveStatus } from './LiveStatus';
import { useLiveUpdates } from './useLiveUpdates';
import { useMarginWidth } from './useMarginWidth';
import { useRecentCodes } from './useRecentCodes';
import { showPassage, useTranscriptEditor, type TranscriptEditorHandlers } from './useTranscriptEditor';

export interface CodingEditorProps {
  projectId: string;
  documentId: number;
  version: number;
  turns: JsonText<PackedTurns>;
  codes: EditorCode[];
  codings: JsonText<CodingColumns>;
  /** The layer new codings go to; null when the viewer may only read. */
  editLayer: LayerRef | null;
  /** Colour per coder id, shown on stripes when several layers are on screen. */
  coderColors: Record<number, string> | null;
  /** May the viewer add codes from the popover (leads; coders when the lead allows it)? */
  canCreateCodes?: boolean;
  /** A range to select and scroll to on opening (a drill-down or search hit). */
  initialRange?: TextRange | null;
  /** Keys of the layers on screen, and the reader: for live updates (see useLiveUpdates). */
  layers?: string[];
  userId?: number;
  /** The layer picker, drawn above the codes beside the text. */
  layerPicker?: ReactNode;
}

const NO_HIGHLIGHTS: ReadonlyMap<number, Highlight> = new Map();

/**
 * A transcript to code: the text (read only) with its codings as highlights, stripes in
 * the margin, the code popover at a selection, the codes of the document beside it and
 * the codings under a click in a panel. Codings and their writes are `useCodings`'; the
 * editor's commands (`commands/`) draw each write in the transaction that makes it.
 */
export function CodingEditor(props: CodingEditorProps) {
  const { t } = useI18n();
  const { projectId, documentId, version, editLayer } = props;
  // The text changes only with the document's version, which is part of this editor's key:
  // a refetch of the page (live updates, focus) hands new but equal turns, and making the
  // tiptap editor again for them would lose the reader's place.
  const [turns] = useState(() => unpackTurns(fromJsonText(props.turns)));
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
  const [infoFocus, setInfoFocus] = useState(false);
  const [marginWidth, setMarginWidth] = useMarginWidth();
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
        // The passage is coded: the keyboard goes back to the text, once the highlight is
        // painted. Focusing the text from the key's handler made Chromium hand the text of
        // the whole transcript to the input method there and then (20–30 ms of a 300,000-
        // character one) before the highlight could show.
        requestAnimationFrame(() => setTimeout(() => editorRef.current?.view.focus(), 0));
      },
    };
  }, [drawing]);
  const store = useCodings({ projectId, documentId, version, codings: props.codings, draw });
  const { codings, undo } = store;
  const live = useLiveUpdates({ projectId, documentId, version, layers: props.layers ?? [], userId: props.userId ?? 0, received: store.received });

  const visible = useMemo(() => visibleCodings(codings, shownCodes), [codings, shownCodes]);
  // The editor (and with it every highlight) is made in the browser only: the server's
  // rendering of a long transcript need not work out 20,000 highlights nobody draws there.
  const wanted = useMemo(
    () => (typeof window === 'undefined' ? NO_HIGHLIGHTS : highlightsOf(codings, { ranges, codes: codeById, shown: shownCodes, activeAt })),
    [codings, ranges, codeById, shownCodes, activeAt],
  );
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

  // What the editor's plugins ask when a key is pressed, a click lands or the selection moves.
  const handlers = useLatest<TranscriptEditorHandlers>({
    keys: {
      canApply: !!selection && !!editLayer,
      shortcuts,
      undo: () => void undo.undo(),
      redo: () => void undo.redo(),
      dismiss: () => setActiveAt(null),
      open: (pos) => {
        const at = posToOffset(ranges, pos);
        if (codingsAt(visible, at).length === 0) return;
        setInfoFocus(true);
        setActiveAt(at);
      },
      apply: (codeId) => applyCodes([codeId]),
    },
    // Typing with a passage selected searches the codes in the popover.
    search: () => (selection && editLayer ? popoverInput.current : null),
    clicked: (pos) => {
      setInfoFocus(false);
      setActiveAt(pos == null ? null : posToOffset(ranges, pos));
    },
    selected: (from, to) => {
      const range = selectedRange(ranges, text, from, to, snap);
      setSelection(range);
      if (range) lastSelection.current = range;
    },
  });
  const { editor } = useTranscriptEditor({ turns, label: t('editor.transcript'), wanted, handlers });
  useLayoutEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const goTo = (passage: TextRange) => editor && showPassage(editor, ranges, passage);

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
      {/* The layers sit above the codes, in the column that stays in view: the text starts one row below the document's head. */}
      <div className="workspace-side">
        {props.layerPicker}
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
      </div>
      <div className="editor-column">
        {/* One row above the text: the toolbar, and who else has the document open. */}
        <div className="editor-bar">
          <LiveStatus {...live} />
          <EditorToolbar
          snap={snap}
          onSnapChange={setSnap}
          undo={undo}
          readOnly={!editLayer}
          failure={store.failure}
          marginWidth={marginWidth}
          onMarginWidthChange={setMarginWidth}
          />
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
              width={marginWidth}
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
          focusOnOpen={infoFocus}
          onClose={() => {
            setActiveAt(null);
            editor?.view.focus();
          }}
        />
      )}
    </div>
  );
}
