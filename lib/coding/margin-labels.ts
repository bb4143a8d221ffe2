/**
 * Where the margin's code labels go (MAXQDA style: a label beside the top of each coding's
 * bracket). Labels never overlap: each sits at its bracket's top or, when the label above
 * is in the way, just below that one. A label pushed below the end of its own bracket would
 * be read as belonging to the passage beside it, so it joins the label above instead
 * ("Trust +2"), which then names it on hover and opens it with the others on click.
 */
export interface LabelRequest {
  /** The bracket's top and bottom, in px. */
  top: number;
  bottom: number;
}

export type LabelPlace = { kind: 'shown'; y: number; joined: number[] } | { kind: 'joined'; into: number };

/** One place per request (same order): shown at `y` with the requests that joined it, or joined into another. */
export function placeLabels(requests: readonly LabelRequest[], height: number, gap = 2): LabelPlace[] {
  const order = requests.map((_, i) => i).sort((a, b) => requests[a].top - requests[b].top || requests[b].bottom - requests[a].bottom || a - b);
  const out = new Array<LabelPlace>(requests.length);
  let free = -Infinity; // the first y below the last label shown
  let last = -1;
  for (const i of order) {
    const { top, bottom } = requests[i];
    const y = Math.max(top, free);
    if (last !== -1 && y > Math.max(top, bottom - height)) {
      (out[last] as { joined: number[] }).joined.push(i);
      out[i] = { kind: 'joined', into: last };
      continue;
    }
    out[i] = { kind: 'shown', y, joined: [] };
    free = y + height + gap;
    last = i;
  }
  return out;
}
