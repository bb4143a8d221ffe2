'use client';
import type { Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import { assignLanes } from '@/lib/coding/lanes';
import { turnIndexAt, type TurnRange } from '@/lib/text/canonical';
import { escapeHtml } from '@/lib/text/escape-html';
import type { EditorCode } from './types';

interface Stripe {
  coding: EditorCoding;
  top: number;
  height: number;
  lane: number;
}

const LANE_WIDTH = 16;
const HEX = /^#[0-9a-f]{6}$/i;
/** The height of a band of the margin (see `bandsOf`), and the room it leaves round its stripes for their focus outline. */
const BAND = 1000;
const BAND_PAD = 4;

/** The turn holding an offset; an offset on a separator belongs to the turn before it. */
function turnAt(ranges: readonly TurnRange[], offset: number): number {
  const i = turnIndexAt(ranges, offset);
  return i === -1 ? Math.max(0, ranges.length - 1) : i;
}

/**
 * Where each coding's stripe goes, from one layout read per turn (not per coding: asking
 * ProseMirror for the coordinates of thousands of positions costs a forced layout each,
 * seconds on a long transcript). A coding's top and bottom are the lines of its turns
 * that its first and last characters fall on, by their proportion of the turn's text.
 */
function placeStripes(editor: Editor, container: HTMLElement, codings: readonly EditorCoding[], ranges: readonly TurnRange[]): Stripe[] {
  const box = container.getBoundingClientRect();
  const texts = editor.view.dom.querySelectorAll<HTMLElement>('.turn-text');
  const lineHeight = texts[0] ? parseFloat(getComputedStyle(texts[0]).lineHeight) || 24 : 24;
  const boxes = Array.from(texts, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - box.top, height: r.height };
  });
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
  return spans.map((s, i) => ({ coding: s.coding, top: s.top, height: s.bottom - s.top, lane: lanes[i] }));
}

/** What the stripes of one code, or of one coder, share: their markup, escaped once. */
interface StripeLook {
  label: string;
  title: string;
  color: string;
}

/**
 * One stripe's button as markup, placed `offset` pixels higher (its band's top): a bar in
 * its code's colour, its edge in the coder's, labelled with the code.
 */
function stripeHtml(s: Stripe, offset: number, code: StripeLook, coder: { name: string; color: string | null }): string {
  const edge = coder.color ? `;border-left:3px solid ${coder.color}` : '';
  const style = `top:${s.top - offset}px;height:${Math.max(s.height, 14)}px;left:${s.lane * LANE_WIDTH}px;background:${code.color}${edge}`;
  return `<button type="button" class="stripe" data-coding="${s.coding.id}" title="${code.title} — ${coder.name}" style="${style}"><span class="stripe-label">${code.label}</span></button>`;
}

/**
 * The stripes in bands of the margin, by where they start. A band is as tall as its
 * stripes reach, so none is cut off, and the browser skips the bands far from the
 * viewport (content-visibility in the style sheet) until they come near: the text of a
 * long transcript has to be laid out whole to place the stripes, but its thousands of
 * stripes need not be styled, laid out and painted before the page is shown.
 */
function bandsOf(stripes: readonly Stripe[], width: number, draw: (s: Stripe, offset: number) => string): HTMLElement[] {
  const groups = new Map<number, Stripe[]>();
  for (const s of stripes) {
    const k = Math.floor(s.top / BAND);
    const group = groups.get(k);
    if (group) group.push(s);
    else groups.set(k, [s]);
  }
  return Array.from(groups, ([k, group]) => {
    const top = k * BAND - BAND_PAD;
    const bottom = group.reduce((y, s) => Math.max(y, s.top + Math.max(s.height, 14)), (k + 1) * BAND) + BAND_PAD;
    const band = document.createElement('div');
    band.className = 'stripe-band';
    band.style.top = `${top}px`;
    band.style.height = `${bottom - top}px`;
    band.style.width = `${width + BAND_PAD}px`;
    // Markup, parsed by the browser, makes thousands of buttons in a third of the time DOM calls take.
    band.innerHTML = group.map((s) => draw(s, top)).join('');
    return band;
  });
}

/** The look of each code's stripes and each coder's edge, escaped for markup. */
function looksOf(codes: Map<number, EditorCode>, codings: readonly EditorCoding[], coderColors: Record<number, string> | null) {
  const color = (c: string | undefined, fallback: string) => (c && HEX.test(c) ? c : fallback);
  const byCode = new Map<number, StripeLook>();
  const byCoder = new Map<number, { name: string; color: string | null }>();
  const none: StripeLook = { label: '', title: '', color: '#888888' };
  for (const c of codings) {
    if (!byCode.has(c.codeId)) {
      const code = codes.get(c.codeId);
      byCode.set(c.codeId, code ? { label: escapeHtml(code.name), title: escapeHtml(code.path), color: color(code.color, '#888888') } : none);
    }
    if (!byCoder.has(c.coderId)) byCoder.set(c.coderId, { name: escapeHtml(c.coderName), color: coderColors ? color(coderColors[c.coderId], '#444444') : null });
  }
  return { code: (id: number) => byCode.get(id) ?? none, coder: (id: number) => byCoder.get(id)! };
}

/**
 * The margin beside the text: one bar per coding, from its first line to its last,
 * labelled with its code; overlapping codings get separate lanes. With several layers on
 * screen the bar's edge takes the coder's colour.
 *
 * The bars are made as markup rather than as React elements: a long transcript has
 * thousands, and React's work per element (props, styles, reconciling the list) took a
 * quarter of a second to draw them; they hold no state, and are redrawn whole when
 * anything they show changes. Everything from the data in the markup is escaped, and
 * colours are checked to be #RRGGBB.
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
  codings: EditorCoding[];
  ranges: TurnRange[];
  codes: Map<number, EditorCode>;
  coderColors: Record<number, string> | null;
  tick: number;
  onPick: (c: EditorCoding) => void;
}) {
  const margin = useRef<HTMLDivElement>(null);
  const lanesBox = useRef<HTMLDivElement>(null);
  const bars = useRef<HTMLDivElement>(null);

  // A layout effect, so the observer is in place before the browser first lays out the
  // text: its first report comes after that layout and before the paint, and the stripes
  // drawn then join the text in that same frame, reading its layout as it is (no forced one).
  useLayoutEffect(() => {
    const draw = () => {
      if (!container.current || !bars.current || !lanesBox.current || !margin.current) return;
      const stripes = placeStripes(editor, container.current, codings, ranges);
      const laneCount = stripes.reduce((n, s) => Math.max(n, s.lane + 1), 0);
      lanesBox.current.style.width = `${laneCount * LANE_WIDTH}px`;
      const looks = looksOf(codes, codings, coderColors);
      bars.current.replaceChildren(...bandsOf(stripes, laneCount * LANE_WIDTH, (s, offset) => stripeHtml(s, offset, looks.code(s.coding.codeId), looks.coder(s.coding.coderId))));
      margin.current.setAttribute('aria-hidden', String(stripes.length === 0));
    };
    // The margin has a fixed width (it scrolls sideways when lanes overflow it), so drawing
    // stripes never reflows the text: only a change of the text column's width redraws.
    let lastWidth = -1;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (w !== lastWidth) {
        lastWidth = w;
        draw();
      }
    });
    ro.observe(editor.view.dom);
    return () => ro.disconnect();
  }, [editor, container, codings, ranges, codes, coderColors, tick]);

  return (
    <div
      className="margin-stripes"
      data-testid="margin-stripes"
      ref={margin}
      onClick={(e) => {
        const id = (e.target as HTMLElement).closest<HTMLElement>('.stripe')?.dataset.coding;
        const coding = id ? codings.find((c) => c.id === Number(id)) : undefined;
        if (coding) onPick(coding);
      }}
    >
      <div className="margin-lanes" ref={lanesBox} />
      <div ref={bars} />
    </div>
  );
}
