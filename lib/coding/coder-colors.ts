/**
 * The colour of each coder, one rule for the editor's layer view and the agreement review: coders (non-viewer members,
 * ordered by email as `membersOfProject` returns them) take the palette in turn.
 */
export const CODER_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

/** Colour by user id, for members in `membersOfProject` order. */
export function coderColors(members: ReadonlyArray<{ userId: number; role: string }>): Record<number, string> {
  const coders = members.filter((m) => m.role !== 'viewer');
  return Object.fromEntries(coders.map((m, i) => [m.userId, CODER_COLORS[i % CODER_COLORS.length]]));
}
