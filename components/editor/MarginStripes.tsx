'use client';
import type { Editor } from '@tiptap/react';
import { useEffect, useState, type RefObject } from 'react';
import type { CodingView } from '@/db/queries/codings';
import { assignLanes } from '@/lib/coding/lanes';
import { turnIndexAt, type TurnRange } from '@/lib/text/canonical';
import type { EditorCode } from './CodingEditor';

interface Stripe {
  coding: CodingView;
  top: number;
  height: number;
  lane: number;
}

const LANE_WIDTH = 16;

/** The turn holding an offset; an offset on a separator belongs to the turn before it. */
function turnAt(ranges: readonly TurnRange[], offset: number): number {
  const i = turnIndexAt(ranges, offset);
  return i === -1 ? Math.max(0, ranges.length - 1) : i;
}

/**
 * The margin beside the text: one bar per coding, from its first line to its last,
 * labelled with its code; overlapping codings get separate lanes. With several layers on
 * screen the bar's edge takes the coder's colour.
 */
export function MarginStripes({
  editor,
  container,
  codings,
  ranges,
  codes,
  coderColors,
  tick,
  onPick,
}: {
  editor: Editor;
  container: RefObject<HTMLDivElement | null>;
  codings: CodingView[];
  ranges: TurnRange[];
  codes: Map<number, EditorCode>;
  coderColors: Record<number, string> | null;
  tick: number;
  onPick: (c: CodingView) => void;
}) {
  const [stripes, setStripes] = useState<Stripe[]>([]);
  const [laneCount, setLaneCount] = useState(0);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const box = container.current?.getBoundingClientRect();
        if (!box) return;
        // One layout read per turn, not per coding: asking ProseMirror for the coordinates
        // of thousands of positions costs a forced layout each (seconds on a long transcript).
        const texts = editor.view.dom.querySelectorAll<HTMLElement>('.turn-text');
        const lineHeight = texts[0] ? parseFloat(getComputedStyle(texts[0]).lineHeight) || 24 : 24;
        const boxes = Array.from(texts, (el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top - box.top, height: r.height };
        });
        /** The vertical position of a text offset: its line within its turn, by proportion. */
        const y = (offset: number, edge: 'top' | 'bottom') => {
          const i = turnAt(ranges, offset);
          const b = boxes[i];
          if (!b) return 0;
          const r = ranges[i];
          const lines = Math.max(1, Math.round(b.height / lineHeight));
          const frac = r.end > r.start ? (Math.min(offset, r.end) - r.start) / (r.end - r.start) : 0;
          const line = Math.min(lines - 1, Math.floor(frac * lines - (edge === 'bottom' ? 1e-9 : 0)));
          return b.top + Math.max(0, line) * (b.height / lines) + (edge === 'bottom' ? b.height / lines : 0);
        };
        const spans = codings.map((c) => ({ coding: c, top: y(c.start, 'top'), bottom: y(Math.max(c.start, c.end - 1), 'bottom') }));
        const lanes = assignLanes(spans.map((s) => ({ start: s.top, end: s.bottom })));
        setStripes(spans.map((s, i) => ({ coding: s.coding, top: s.top, height: s.bottom - s.top, lane: lanes[i] })));
        setLaneCount(lanes.length ? Math.max(...lanes) + 1 : 0);
      });
    };
    // The observer's first report measures; the margin has a fixed width (it scrolls sideways when lanes overflow it), so drawing
    // stripes never reflows the text: only a change of the text column's width remeasures.
    let lastWidth = -1;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (w !== lastWidth) {
        lastWidth = w;
        measure();
      }
    });
    const text = editor.view.dom;
    ro.observe(text);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [editor, container, codings, ranges, tick]);

  return (
    <div className="margin-stripes" data-testid="margin-stripes" aria-hidden={stripes.length === 0}>
      <div className="margin-lanes" style={{ width: laneCount * LANE_WIDTH }} />
      {stripes.map((s) => {
        const code = codes.get(s.coding.codeId);
        const color = code?.color ?? '#888888';
        return (
          <button
            type="button"
            key={s.coding.id}
            className="stripe"
            data-coding={s.coding.id}
            title={`${code?.path ?? ''} — ${s.coding.coderName}`}
            style={{
              top: s.top,
              height: Math.max(s.height, 14),
              left: s.lane * LANE_WIDTH,
              background: color,
              borderLeft: coderColors ? `3px solid ${coderColors[s.coding.coderId] ?? '#444'}` : undefined,
            }}
            onClick={() => onPick(s.coding)}
          >
            <span className="stripe-label">{code?.name ?? ''}</span>
          </button>
        );
      })}
    </div>
  );
}
