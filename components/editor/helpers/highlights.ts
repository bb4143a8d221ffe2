import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { TurnRange } from '@/lib/text/canonical';
import { offsetToPos } from '@/lib/text/positions';
import type { Highlight } from '../plugins/codingHighlights';
import type { EditorCode } from '../types';

/** What decides how codings are drawn: where the turns are, the codes' colours, which codes are shown, the coding picked. */
export interface HighlightContext {
  ranges: readonly TurnRange[];
  codes: ReadonlyMap<number, Pick<EditorCode, 'color'>>;
  /** The codes shown; null for all of them. */
  shown: ReadonlySet<number> | null;
  /** The offset of the codings picked in the info panel. */
  activeAt: number | null;
}

/** The codings whose code is shown. */
export function visibleCodings<T extends Pick<EditorCoding, 'codeId'>>(codings: readonly T[], shown: ReadonlySet<number> | null): T[] {
  return shown ? codings.filter((c) => shown.has(c.codeId)) : [...codings];
}

/** The codings over a text offset (the ones a click there picks). */
export function codingsAt<T extends Pick<EditorCoding, 'start' | 'end'>>(codings: readonly T[], offset: number | null): T[] {
  return offset == null ? [] : codings.filter((c) => c.start <= offset && offset < c.end);
}

/**
 * A coding's highlight, or null when it is not drawn: its code is hidden, it has nothing
 * in it, or it lies outside the text (db:check reports that kind).
 */
export function highlightOf(c: EditorCoding, ctx: HighlightContext): Highlight | null {
  if (c.end <= c.start || (ctx.shown && !ctx.shown.has(c.codeId))) return null;
  try {
    return {
      id: c.id,
      from: offsetToPos(ctx.ranges, c.start),
      to: offsetToPos(ctx.ranges, c.end),
      color: ctx.codes.get(c.codeId)?.color ?? '#888888',
      active: ctx.activeAt != null && c.start <= ctx.activeAt && ctx.activeAt < c.end,
      ...(c.memo.trim() ? { memo: true } : {}),
    };
  } catch {
    return null; // outside the text
  }
}

/** The highlights of the codings that are drawn, by coding id. */
export function highlightsOf(codings: readonly EditorCoding[], ctx: HighlightContext): Map<number, Highlight> {
  const out = new Map<number, Highlight>();
  for (const c of codings) {
    const h = highlightOf(c, ctx);
    if (h) out.set(c.id, h);
  }
  return out;
}

/** The highlights of some codings, as a list (for the commands). */
export function highlightList(codings: readonly EditorCoding[], ctx: HighlightContext): Highlight[] {
  return [...highlightsOf(codings, ctx).values()];
}
