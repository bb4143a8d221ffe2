'use client';
import type { Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import { assignLanes, laneGeometry, type LaneGeometry } from '@/lib/coding/lanes';
import { placeLabels } from '@/lib/coding/margin-labels';
import { textColorOn } from '@/lib/color/contrast';
import { turnIndexAt, type TurnRange } from '@/lib/text/canonical';
import { escapeHtml } from '@/lib/text/escape-html';
import { WINDOW_FROM } from './plugins/codingHighlights';
import type { EditorCode } from './types';

interface Stripe {
  coding: EditorCoding;
  top: number;
  height: number;
  lane: number;
}

/** A label's height in px (one line of the label font, see globals.css). */
const LABEL_HEIGHT = 16;
const HEX = /^#[0-9a-f]{6}$/i;
/** The ring round a bracket with a memo (`.stripe.has-memo` in the style sheet). */
const MEMO_RING = '#6a4a8c';
/** The height of a band of the margin (see `bandsOf`), and the room it leaves round its stripes for their focus outline. */
const BAND = 1000;
const BAND_PAD = 4;

/** The turn holding an offset; an offset on a separator belongs to the turn before it. */
function turnAt(ranges: readonly TurnRange[], offset: number): number {
  const i = turnIndexAt(ranges, offset);
  return i === -1 ? Math.max(0, ranges.length - 1) : i;
}

/** Where the turns' text is, in px from the margin's top, and the height of a line of it. */
interface TextLayout {
  lineHeight: number;
  boxes: Array<{ top: number; height: number }>;
}

/**
 * The layout of the turns' text, read once (one forced layout) and kept until the text
 * column changes size: highlights never re-wrap the text (memo marks are out of the flow,
 * see globals.css), so a code applied or removed redraws the margin from the same layout.
 */
function readLayout(editor: Editor, container: HTMLElement): TextLayout {
  const box = container.getBoundingClientRect();
  const turns = editor.view.dom.querySelectorAll<HTMLElement>('.turn');
  const text = turns[0]?.querySelector<HTMLElement>('.turn-text');
  const style = turns[0] ? getComputedStyle(turns[0]) : null;
  const lineHeight = text ? parseFloat(getComputedStyle(text).lineHeight) || 24 : 24;
  // A turn's text fills its box inside the padding and border (a flex row). The turn's own
  // box, not its text's, is read: on a long transcript not yet laid out whole (see
  // CodingEditor) asking for the text's box lays that turn out there and then, one by one.
  const above = style ? parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth) : 0;
  const below = style ? parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth) : 0;
  const boxes = Array.from(turns, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - box.top + above, height: Math.max(0, r.height - above - below) };
  });
  return { lineHeight, boxes };
}

/**
 * Where each coding's stripe goes, from one layout read per turn (not per coding: asking
 * ProseMirror for the coordinates of thousands of positions costs a forced layout each,
 * seconds on a long transcript). A coding's top and bottom are the lines of its turns
 * that its first and last characters fall on, by their proportion of the turn's text.
 */
function placeStripes({ boxes, lineHeight }: TextLayout, codings: readonly EditorCoding[], ranges: readonly TurnRange[], maxLanes: number): Stripe[] {
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
  const lanes = assignLanes(spans.map((s) => ({ start: s.top, end: s.bottom })), maxLanes);
  return spans.map((s, i) => ({ coding: s.coding, top: s.top, height: s.bottom - s.top, lane: lanes[i] }));
}

/** What the stripes of one code, or of one coder, share: their markup, escaped once. */
interface StripeLook {
  label: string;
  title: string;
  color: string;
  /** The label's text colour on `color`: black or white, whichever contrasts more (WCAG AA). */
  ink: string;
}

type Coder = { name: string; color: string | null };

/** Something drawn in the margin, with the vertical extent its band must hold: markup, or a bracket to paint on a band's canvas. */
interface Item {
  top: number;
  bottom: number;
  html: (offset: number) => string;
  bar?: Bar;
}

/** A coding's bracket as a band's canvas paints it (see `paintBars`), in px from the margin's top. */
interface Bar {
  id: number;
  left: number;
  top: number;
  height: number;
  color: string;
  edge: string | null;
  memo: boolean;
  /** The bar's and the edge's widths (see `laneGeometry`). */
  barWidth: number;
  edgeWidth: number;
}

/** One coding's bracket: a bar in its code's colour from its first line to its last, its edge in the coder's. */
function bracketHtml(s: Stripe, offset: number, code: StripeLook, coder: Coder, g: LaneGeometry): string {
  const edge = coder.color ? `;border-left:${g.edgeWidth}px solid ${coder.color}` : '';
  const memo = s.coding.memo.trim() ? ' has-memo' : '';
  const style = `top:${s.top - offset}px;height:${Math.max(s.height, 14)}px;left:${s.lane * g.laneWidth}px;width:${g.barWidth}px;background:${code.color}${edge}`;
  return `<span class="stripe${memo}" data-coding="${s.coding.id}" style="${style}"></span>`;
}

/**
 * A coding's label beside the brackets: its code's name on the code's colour in a text
 * colour that contrasts with it, a pencil when it has a memo, and "+n" for the labels that
 * joined it (see `placeLabels`), which its title then names.
 */
function labelHtml(s: Stripe, y: number, offset: number, left: number, code: StripeLook, coder: Coder, joined: readonly string[]): string {
  const memo = s.coding.memo.trim() ? '<span class="label-memo" aria-hidden="true">✎</span>' : '';
  const more = joined.length ? ` <span class="label-more">+${joined.length}</span>` : '';
  const title = [`${code.title} — ${coder.name}`, ...joined].join('&#10;');
  const style = `top:${y - offset}px;left:${left}px;max-width:calc(100% - ${left + 2}px);background:${code.color};color:${code.ink}`;
  return `<button type="button" class="stripe-label" data-coding="${s.coding.id}" title="${title}" style="${style}">${memo}${code.label}${more}</button>`;
}

/**
 * The margin's brackets and labels in bands, by where they start. A band is as tall as
 * its items reach, so none is cut off, and the browser skips the bands far from the
 * viewport (content-visibility in the style sheet) until they come near: the text of a
 * long transcript has to be laid out whole to place the stripes, but its thousands of
 * stripes need not be styled, laid out and painted before the page is shown.
 */
interface Band {
  top: number;
  bottom: number;
  /** Its markup, made when the band is first put in the page. */
  html: () => string;
  /** The brackets its canvas paints (on a long transcript; empty when they are markup). */
  bars: Bar[];
}

function bandsOf(items: readonly Item[], painted: boolean): Band[] {
  const groups = new Map<number, Item[]>();
  for (const item of items) {
    const k = Math.floor(item.top / BAND);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return Array.from(groups, ([k, group]) => {
    const top = k * BAND - BAND_PAD;
    const bottom = group.reduce((y, item) => Math.max(y, item.bottom), (k + 1) * BAND) + BAND_PAD;
    const drawn = painted ? group.filter((item) => !item.bar) : group;
    let html: string | undefined;
    return { top, bottom, html: () => (html ??= drawn.map((item) => item.html(top)).join('')), bars: painted ? group.flatMap((item) => (item.bar ? [item.bar] : [])) : [] };
  });
}

/** A bracket's width: its bar, and the coder's edge beside it (as `.stripe` draws them). */
const barWidth = (b: Bar) => b.barWidth + (b.edge ? b.edgeWidth : 0);

/** The canvas of each band and the brackets it paints, for the pointer (see `barAt`). */
const canvasBars = new WeakMap<HTMLCanvasElement, { top: number; bars: Bar[] }>();

/**
 * A band's brackets painted on one canvas, as `.stripe` draws them in markup (a bar in the
 * code's colour, the coder's edge at its left, ticks at its ends towards the text, a ring
 * when it has a memo). With 20,000 codings the browser's style recalculation of the few
 * hundred bracket elements near the viewport cost 100–250 ms whenever a band came near
 * while scrolling; a canvas is one element. The brackets carry no text or focus (the
 * labels, still buttons, do), so nothing is lost to the keyboard or a screen reader.
 */
function paintBars(band: HTMLElement, b: Band): void {
  if (b.bars.length === 0) return;
  const width = b.bars.reduce((w, bar) => Math.max(w, bar.left + barWidth(bar) + 2), 0);
  const height = b.bottom - b.top;
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.className = 'stripe-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvasBars.set(canvas, { top: b.top, bars: b.bars });
  band.prepend(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  for (const bar of b.bars) {
    const y = bar.top - b.top;
    const w = barWidth(bar);
    const inner = bar.left + (bar.edge ? bar.edgeWidth : 0);
    if (bar.memo) {
      ctx.fillStyle = MEMO_RING;
      ctx.fillRect(bar.left - 1, y - 1, w + 2, bar.height + 2);
    }
    ctx.fillStyle = bar.color;
    ctx.fillRect(bar.left, y, w, bar.height);
    ctx.fillRect(inner - 3, y, 4, 2);
    ctx.fillRect(inner - 3, y + bar.height - 2, 4, 2);
    if (bar.edge) {
      ctx.fillStyle = bar.edge;
      ctx.fillRect(bar.left, y, bar.edgeWidth, bar.height);
    }
  }
}

/** The coding whose bracket a band's canvas paints under a point of the page, if any (the last painted wins, as on screen). */
function barAt(canvas: HTMLCanvasElement, clientX: number, clientY: number): number | undefined {
  const held = canvasBars.get(canvas);
  if (!held) return undefined;
  const r = canvas.getBoundingClientRect();
  const x = clientX - r.left;
  const y = clientY - r.top + held.top;
  for (let i = held.bars.length - 1; i >= 0; i--) {
    const b = held.bars[i];
    if (x >= b.left - 1 && x <= b.left + barWidth(b) + 1 && y >= b.top && y <= b.top + b.height) return b.id;
  }
  return undefined;
}

function bandElement(b: Band): HTMLElement {
  const band = document.createElement('div');
  band.className = 'stripe-band';
  band.style.top = `${b.top}px`;
  band.style.height = `${b.bottom - b.top}px`;
  // Markup, parsed by the browser, makes thousands of buttons in a third of the time DOM calls take.
  band.innerHTML = b.html();
  paintBars(band, b);
  return band;
}

/**
 * On a long transcript (as many codings as make the highlights keep to the viewport) only
 * the bands from one and a half screens above the viewport to two and a half below are in
 * the page, put in and taken out as it scrolls: with 20,000 codings the browser spent
 * whole frames bringing `content-visibility` bands into rendering while scrolling.
 * Where the margin is is read in the scroll event, before anything of this frame has
 * changed the page, and the bands change in the frame's animation callback: read there,
 * after the highlights' window moved, it cost a second layout of the page in the frame.
 */
function bandWindow(bars: HTMLElement, bands: readonly Band[]) {
  const attached = new Map<number, HTMLElement>();
  let frame = 0;
  let offset = 0;
  const update = () => {
    frame = 0;
    const from = -offset - 1.5 * innerHeight;
    const to = -offset + 2.5 * innerHeight;
    bands.forEach((b, i) => {
      const near = b.bottom > from && b.top < to;
      const el = attached.get(i);
      if (near && !el) {
        const made = bandElement(b);
        attached.set(i, made);
        bars.appendChild(made);
      } else if (!near && el) {
        el.remove();
        attached.delete(i);
      }
    });
  };
  const onScroll = () => {
    offset = bars.getBoundingClientRect().top;
    if (!frame) frame = requestAnimationFrame(update);
  };
  bars.replaceChildren();
  offset = bars.getBoundingClientRect().top;
  update();
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  addEventListener('resize', onScroll, { passive: true });
  return () => {
    removeEventListener('scroll', onScroll, { capture: true });
    removeEventListener('resize', onScroll);
    cancelAnimationFrame(frame);
  };
}

/** The margin's items: every coding's bracket, and the labels `placeLabels` shows. */
function itemsOf(stripes: readonly Stripe[], looks: ReturnType<typeof looksOf>, width: number): Item[] {
  const g = laneGeometry(stripes.reduce((n, s) => Math.max(n, s.lane + 1), 0), width);
  const left = g.labelLeft;
  const extent = (s: Stripe) => s.top + Math.max(s.height, 14);
  const places = placeLabels(stripes.map((s) => ({ top: s.top, bottom: extent(s) })), LABEL_HEIGHT);
  const items: Item[] = [];
  stripes.forEach((s, i) => {
    const code = looks.code(s.coding.codeId);
    const coder = looks.coder(s.coding.coderId);
    const bar: Bar = { id: s.coding.id, left: s.lane * g.laneWidth, top: s.top, height: Math.max(s.height, 14), color: code.color, edge: coder.color, memo: !!s.coding.memo.trim(), barWidth: g.barWidth, edgeWidth: g.edgeWidth };
    items.push({ top: s.top, bottom: extent(s), html: (offset) => bracketHtml(s, offset, code, coder, g), bar });
    const place = places[i];
    if (place.kind !== 'shown') return;
    const joined = place.joined.map((j) => `${looks.code(stripes[j].coding.codeId).title} — ${looks.coder(stripes[j].coding.coderId).name}`);
    items.push({ top: place.y, bottom: place.y + LABEL_HEIGHT, html: (offset) => labelHtml(s, place.y, offset, left, code, coder, joined) });
  });
  return items;
}

/** The look of each code's stripes and each coder's edge, escaped for markup. */
function looksOf(codes: Map<number, EditorCode>, codings: readonly EditorCoding[], coderColors: Record<number, string> | null) {
  const color = (c: string | undefined, fallback: string) => (c && HEX.test(c) ? c : fallback);
  const byCode = new Map<number, StripeLook>();
  const byCoder = new Map<number, { name: string; color: string | null }>();
  const none: StripeLook = { label: '', title: '', color: '#888888', ink: textColorOn('#888888') };
  for (const c of codings) {
    if (!byCode.has(c.codeId)) {
      const code = codes.get(c.codeId);
      const bg = color(code?.color, '#888888');
      byCode.set(c.codeId, code ? { label: escapeHtml(code.name), title: escapeHtml(code.path), color: bg, ink: textColorOn(bg) } : none);
    }
    if (!byCoder.has(c.coderId)) byCoder.set(c.coderId, { name: escapeHtml(c.coderName), color: coderColors ? color(coderColors[c.coderId], '#444444') : null });
  }
  return { code: (id: number) => byCode.get(id) ?? none, coder: (id: number) => byCoder.get(id)! };
}

/**
 * The margin beside the text: one bracket per coding, from its first line to its last,
 * and its code's name beside it; overlapping codings get separate lanes. With several
 * layers on screen the bracket's edge takes the coder's colour. The margin's width is the
 * user's (`width`); labels longer than it end in an ellipsis and show whole on hover.
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
  width,
  onPick,
}: {
  editor: Editor;
  container: RefObject<HTMLDivElement | null>;
  codings: EditorCoding[];
  ranges: TurnRange[];
  codes: Map<number, EditorCode>;
  coderColors: Record<number, string> | null;
  /** The margin's width in px. */
  width: number;
  onPick: (c: EditorCoding) => void;
}) {
  const margin = useRef<HTMLDivElement>(null);
  const bars = useRef<HTMLDivElement>(null);
  /** The text's layout the stripes are placed from, and the size of the text it was read at. */
  const layout = useRef<TextLayout | null>(null);
  const sizeRead = useRef('');

  // A layout effect, so the observer is in place before the browser first lays out the
  // text: its first report comes after that layout and before the paint, and the stripes
  // drawn then join the text in that same frame, reading its layout as it is (no forced one).
  // Later changes (a code applied, a coding removed) redraw after the next paint instead,
  // from the layout already read: the highlight the user just made shows first, and the
  // margin of 20,000 codings follows a frame later.
  useLayoutEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unwindow: (() => void) | undefined;
    const draw = () => {
      if (!container.current || !bars.current || !margin.current) return;
      layout.current ??= readLayout(editor, container.current);
      // Deeper overlaps than the margin has lanes for share lanes (see `laneGeometry`).
      const stripes = placeStripes(layout.current, codings, ranges, laneGeometry(Infinity, width).lanes);
      const long = codings.length >= WINDOW_FROM;
      const bands = bandsOf(itemsOf(stripes, looksOf(codes, codings, coderColors), width), long);
      unwindow?.();
      unwindow = undefined;
      if (long) unwindow = bandWindow(bars.current, bands);
      else bars.current.replaceChildren(...bands.map(bandElement));
      margin.current.setAttribute('aria-hidden', String(stripes.length === 0));
      // How many stripes there are, drawn in the page or not (the benchmark waits for them).
      margin.current.dataset.stripes = String(stripes.length);
    };
    // The margin's width is set, not taken from its content, so drawing stripes never
    // reflows the text: only a change of the text's size (the column's width, or a font
    // arriving) makes the layout be read again, and redraws at once.
    let reported = false;
    const ro = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (!r) return;
      const size = `${r.width}x${r.height}`;
      const first = !reported;
      reported = true;
      if (size !== sizeRead.current) {
        sizeRead.current = size;
        layout.current = null;
        draw();
      } else if (first) frame = requestAnimationFrame(() => (timer = setTimeout(draw, 0)));
    });
    ro.observe(editor.view.dom);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      unwindow?.();
    };
  }, [editor, container, codings, ranges, codes, coderColors, width]);

  return (
    <div
      className="margin-stripes"
      data-testid="margin-stripes"
      ref={margin}
      style={{ width }}
      onClick={(e) => {
        const target = e.target as HTMLElement;
        const id = target instanceof HTMLCanvasElement ? barAt(target, e.clientX, e.clientY) : target.closest<HTMLElement>('[data-coding]')?.dataset.coding;
        const coding = id ? codings.find((c) => c.id === Number(id)) : undefined;
        if (coding) onPick(coding);
      }}
      onMouseMove={(e) => {
        // A bracket painted on a band's canvas shows the pointer as a bracket element does.
        const target = e.target as HTMLElement;
        if (target instanceof HTMLCanvasElement) target.style.cursor = barAt(target, e.clientX, e.clientY) === undefined ? '' : 'pointer';
      }}
    >
      <div ref={bars} />
    </div>
  );
}
