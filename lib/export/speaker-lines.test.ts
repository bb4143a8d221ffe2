import { describe, expect, it } from 'vitest';
import { parseSpeakerLines, speakerLinesDescription, type LineSpeaker } from './speaker-lines';

const SPEAKERS: LineSpeaker[] = [{ kind: 'moderator' }, { kind: 'participant', label: 'P3' }, { kind: 'unknown' }, { kind: 'participant', label: 'Қатысушы 2' }];

describe('speaker lines', () => {
  it('reads back what it writes', () => {
    const text = speakerLinesDescription(SPEAKERS);
    expect(text).toBe('Focus-group transcript: one turn per line. Speakers by line:\n1 [moderator]\n2 P3\n3 [unknown]\n4 Қатысушы 2');
    expect(parseSpeakerLines(text, 4)).toEqual(SPEAKERS);
    expect(parseSpeakerLines(text.replace(/\n/g, '\r\n'), 4)).toEqual(SPEAKERS);
  });

  it('gives nothing for other descriptions or a block that does not fit the text', () => {
    const text = speakerLinesDescription(SPEAKERS);
    expect(parseSpeakerLines(undefined, 4)).toBeNull();
    expect(parseSpeakerLines('An interview about elections.', 1)).toBeNull();
    expect(parseSpeakerLines(text, 5)).toBeNull();
    expect(parseSpeakerLines(text.replace('3 [unknown]', '4 [unknown]'), 4)).toBeNull();
  });

  it('writes a label on one line', () => {
    expect(speakerLinesDescription([{ kind: 'participant', label: 'P\n1' }, { kind: 'participant', label: ' ' }])).toContain('1 P 1\n2 [unknown]');
  });
});
