/**
 * Subtitle cues (WebVTT and SRT) to turns. A cue is a start time and a few lines of text.
 * The speaker comes from a WebVTT voice tag ("<v Айгерим>…") or a label at the start of a
 * line ("P2: …", by the rules of ./speakers, counted over the whole file); a line without
 * either continues the previous line of its cue, or has no speaker when it opens the cue.
 * Consecutive cues of the same (known) speaker merge into one turn that keeps the first
 * cue's start time; cues with no speaker stay separate turns.
 */
import { cleanLine } from './clean-text';
import { ImportError } from './errors';
import { acceptLabelLines, readLabelLine, type LabelLine } from './speakers';
import { normaliseTimestamp } from './timestamp';
import type { ImportedTurn } from './types';

/** One subtitle cue: its start time, normalised ("hh:mm:ss.mmm"), and its raw text lines. */
export interface Cue {
  start: string;
  lines: string[];
}

const TIMING = /^\s*((?:\d{1,3}:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*((?:\d{1,3}:)?\d{1,2}:\d{1,2}[.,]\d{1,3})(?:\s.*)?$/;

/**
 * Splits subtitle text into cues. Blocks are separated by blank lines; a block is an optional
 * identifier line (SRT's number, WebVTT's cue id), a timing line "start --> end", and text.
 * A block without a timing line continues the previous cue (a blank line inside a subtitle).
 * `skipBlock` lets WebVTT drop its NOTE/STYLE/REGION blocks. Throws an {@link ImportError}
 * naming the line for a malformed timing line, or for text before the first cue.
 */
export function readCues(text: string, fileName: string, firstLine = 0, skipBlock: (first: string) => boolean = () => false): Cue[] {
  const lines = text.split('\n');
  const cues: Cue[] = [];
  let i = firstLine;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i].trim() !== '') i++;
    const block = lines.slice(start, i);
    if (skipBlock(block[0])) continue;
    const timingAt = block.findIndex((l, k) => k < 2 && l.includes('-->'));
    if (timingAt < 0) {
      const last = cues[cues.length - 1];
      if (/^\s*\d+\s*$/.test(block[0])) {
        throw new ImportError(fileName, 'expected a timing line such as "00:00:01,000 --> 00:00:04,000" after the subtitle number', { line: start + 2 });
      }
      if (!last) throw new ImportError(fileName, 'expected a subtitle timing line such as "00:00:01,000 --> 00:00:04,000"', { line: start + 1 });
      last.lines.push(...block);
      continue;
    }
    const m = TIMING.exec(block[timingAt]);
    const begin = m ? normaliseTimestamp(m[1]) : null;
    if (!m || begin === null || normaliseTimestamp(m[2]) === null) {
      throw new ImportError(fileName, `malformed cue timing "${block[timingAt].trim().slice(0, 60)}"`, { line: start + timingAt + 1 });
    }
    cues.push({ start: begin, lines: block.slice(timingAt + 1) });
  }
  return cues;
}

interface Segment {
  speaker: string | null;
  start: string;
  parts: string[];
}

const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/i;
const TAG = /<\/?[a-z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}/gi;

/** Builds turns from cues by the rules in the module comment. */
export function cuesToTurns(cues: readonly Cue[]): ImportedTurn[] {
  // First pass: each line's voice, or its label candidate, so label evidence is file-wide.
  const read = cues.map((cue) =>
    cue.lines.map((raw) => {
      const voice = VOICE.exec(raw);
      const text = cleanLine(decodeEntities(raw.replace(TAG, '')));
      if (voice) {
        return { voice: cleanLine(decodeEntities(voice[1] ?? '')) || null, text: text.replace(/^[-–—]\s+/, ''), label: null };
      }
      return { voice: undefined, text, label: text === '' ? null : readLabelLine(text) };
    }),
  );
  const candidates: Array<LabelLine | null> = [];
  let voiced = 0;
  for (const cue of read) for (const l of cue) {
    if (l.voice !== undefined) voiced++;
    else if (l.text !== '') candidates.push(l.label);
  }
  const accepted = acceptLabelLines(candidates, voiced);

  const segments: Segment[] = [];
  let k = 0;
  read.forEach((cue, c) => {
    let current: Segment | null = null;
    for (const l of cue) {
      if (l.voice === undefined && l.text === '') continue;
      const label = l.voice === undefined ? (accepted[k++] ? l.label : null) : null;
      if (l.voice !== undefined) current = { speaker: l.voice, start: cues[c].start, parts: [l.text] };
      else if (label) current = { speaker: label.label, start: cues[c].start, parts: [label.rest] };
      else if (current) {
        current.parts.push(l.text);
        continue;
      } else current = { speaker: null, start: cues[c].start, parts: [l.text] };
      segments.push(current);
    }
  });

  const turns: ImportedTurn[] = [];
  for (const s of segments) {
    const text = s.parts.filter((p) => p !== '').join(' ');
    if (text === '') continue;
    const last = turns[turns.length - 1];
    if (last && s.speaker !== null && last.speaker === s.speaker) last.text = `${last.text} ${text}`;
    else turns.push({ speaker: s.speaker, text, timestamp: s.start });
  }
  return turns;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '', rlm: '' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
