/**
 * A transcript written back out as a file a person reads: plain text or Word. The layout is
 * the one ../import reads best, so an exported transcript imports back into the same turns:
 * one turn per line (or paragraph), "[hh:mm:ss] Speaker: text".
 *
 * One case does not survive the round trip: a turn without a speaker that follows a turn with
 * one reads back as a continuation of that turn, because an unlabelled line is how
 * transcripts continue a speech. Turns without a speaker before the first labelled turn, and
 * transcripts with no speakers at all, do survive.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** A turn to export, as the import side produces it. */
export interface ExportTurn {
  speaker: string | null;
  text: string;
  timestamp?: string;
}

/**
 * The transcript as plain text: one line per turn, "Speaker: text", prefixed by
 * "[timestamp] " when the turn has one, just "text" for a turn without a speaker; lines end
 * with \n. Line breaks inside a turn's text (which a turn should not have) become spaces.
 * Encode as UTF-8 (with a BOM if the file is for Windows Notepad).
 */
export function transcriptToTxt(turns: readonly ExportTurn[]): string {
  return turns.map((t) => `${prefix(t)}${oneLine(t.text)}\n`).join('');
}

/**
 * The transcript as a Word document: `title` as a heading (left out when blank), then one
 * paragraph per turn — the timestamp in brackets, the speaker label and colon in bold, then
 * the text. Resolves to the .docx file's bytes.
 */
export async function transcriptToDocx(title: string, turns: readonly ExportTurn[]): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  if (title.trim() !== '') children.push(new Paragraph({ text: oneLine(title), heading: HeadingLevel.HEADING_1 }));
  for (const t of turns) {
    const runs: TextRun[] = [];
    if (t.timestamp !== undefined) runs.push(new TextRun({ text: `[${t.timestamp}] `, color: '666666' }));
    if (t.speaker !== null) runs.push(new TextRun({ text: `${oneLine(t.speaker)}:`, bold: true }), new TextRun({ text: ' ' }));
    runs.push(new TextRun({ text: oneLine(t.text) }));
    children.push(new Paragraph({ children: runs, alignment: AlignmentType.LEFT, spacing: { after: 120 } }));
  }
  const doc = new Document({ title: oneLine(title), sections: [{ children }] });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function prefix(t: ExportTurn): string {
  const time = t.timestamp === undefined ? '' : `[${t.timestamp}] `;
  return t.speaker === null ? time : `${time}${oneLine(t.speaker)}: `;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}
