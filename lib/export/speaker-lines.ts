/**
 * Who spoke each line of a transcript exported as a REFI-QDA text source. The source text is
 * the canonical text (one turn per line, no speaker labels, so offsets map 1:1); the
 * speakers travel in the source's description as a block other tools show as plain text:
 *
 *   Focus-group transcript: one turn per line. Speakers by line:
 *   1 [moderator]
 *   2 P3
 *   3 [unknown]
 *
 * Only pseudonymous participant labels are written, never the transcript's own speaker
 * label (which may carry a name). Reading it back gives the same speakers, or nothing when
 * the description is not such a block or does not fit the text's line count.
 */

export type LineSpeaker = { kind: 'moderator' } | { kind: 'unknown' } | { kind: 'participant'; label: string };

export const SPEAKER_LINES_HEADER = 'Focus-group transcript: one turn per line. Speakers by line:';
const MODERATOR = '[moderator]';
const UNKNOWN = '[unknown]';

/** The description block for the given speakers, one per line of the text. */
export function speakerLinesDescription(speakers: readonly LineSpeaker[]): string {
  const lines = speakers.map((s, i) => `${i + 1} ${s.kind === 'moderator' ? MODERATOR : s.kind === 'unknown' ? UNKNOWN : oneLine(s.label) || UNKNOWN}`);
  return [SPEAKER_LINES_HEADER, ...lines].join('\n');
}

/**
 * The speakers a description gives for a text of `lineCount` lines; null when it holds no
 * speaker block, or one that does not number exactly 1..lineCount.
 */
export function parseSpeakerLines(description: string | undefined, lineCount: number): LineSpeaker[] | null {
  if (!description) return null;
  const lines = description.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((l) => l.trim() === SPEAKER_LINES_HEADER);
  if (at < 0) return null;
  const out: LineSpeaker[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') break;
    const m = /^(\d+) (.+)$/.exec(line);
    if (!m || Number(m[1]) !== out.length + 1) return null;
    const who = m[2].trim();
    out.push(who === MODERATOR ? { kind: 'moderator' } : who === UNKNOWN ? { kind: 'unknown' } : { kind: 'participant', label: who });
  }
  return out.length === lineCount ? out : null;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
