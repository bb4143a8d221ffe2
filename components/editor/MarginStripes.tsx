'use client';
import type { Editor } from '@tiptap/react';
import { useEffect, useState, type RefObject } from 'react';
import type { CodingView } from '@/db/queries/codings';
import { assignLanes } from '@/lib/coding/lanes';
import type { TurnRange } from '@/lib/text/canonical';
import { offsetToPos } from '@/lib/text/positions';
import type { EditorCode } from './CodingEditor';

interface Stripe {
  coding: CodingView;
  top: number;
  height: number;
  lane: number;
}

const LANE_WIDTH = 16;

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
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const box = container.current?.getBoundingClientRect();
        if (!box) return;
        const spans: Array<{ coding: CodingView; top: number; bottom: number }> = [];
        for (const c of codings) {
          try {
            const a = editor.view.coordsAtPos(offsetToPos(ranges, c.start), 1);
            const b = editor.view.coordsAtPos(offsetToPos(ranges, c.end), -1);
            spans.push({ coding: c, top: a.top - box.top, bottom: Math.max(b.bottom, a.bottom) - box.top });
          } catch {
            // outside the text: not drawn
          }
        }
        const lanes = assignLanes(spans.map((s) => ({ start: s.top, end: s.bottom })));
        setStripes(spans.map((s, i) => ({ coding: s.coding, top: s.top, height: s.bottom - s.top, lane: lanes[i] })));
        setWidth((lanes.length ? Math.max(...lanes) + 1 : 0) * LANE_WIDTH);
      });
    };
    measure();
    const ro = new ResizeObserver(measure);
    if (container.current) ro.observe(container.current);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [editor, container, codings, ranges, tick]);

  return (
    <div className="margin-stripes" style={{ width }} data-testid="margin-stripes" aria-hidden={stripes.length === 0}>
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
