import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';
import { fixture } from './testing';
import { parseVtt } from './vtt';

describe('parseVtt', () => {
  it('reads the fixture: voices give speakers, same-speaker cues merge, first timestamp kept', () => {
    const text = decodeText(fixture('aktobe-voices.vtt'), 'utf-8');
    expect(parseVtt(text, 'aktobe-voices.vtt')).toEqual([
      { speaker: 'Модератор', text: 'Добрый день! Расскажите, как вы обращаетесь в акимат.', timestamp: '00:00:01.000' },
      { speaker: 'Айгерим', text: 'Обычно через e-Otinish. Иногда пишу в директ официальной страницы акимата, там быстрее отвечают.', timestamp: '00:00:05.500' },
      { speaker: 'Ержан', text: 'А я хожу на приём. Лично & с документами.', timestamp: '00:00:14.000' },
      { speaker: 'Модератор', text: 'Что для вас значат выборы?', timestamp: '00:00:18.500' },
      { speaker: 'Ержан', text: 'Возможность выбрать своего человека.', timestamp: '00:00:18.500' },
    ]);
  });

  it('takes "Name:" prefixes as speakers, and keeps unlabelled cues separate', () => {
    const text = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:03.000',
      'Дина: Сайлауға барамын.',
      '',
      '00:03.000 --> 00:05.000',
      'Дина: Әрқашан.',
      '',
      '00:05.000 --> 00:07.000',
      'Музыка',
      '',
      '00:07.000 --> 00:09.000',
      'Шум в зале',
    ].join('\n');
    expect(parseVtt(text, 'a.vtt')).toEqual([
      { speaker: 'Дина', text: 'Сайлауға барамын. Әрқашан.', timestamp: '00:00:01.000' },
      { speaker: null, text: 'Музыка', timestamp: '00:00:05.000' },
      { speaker: null, text: 'Шум в зале', timestamp: '00:00:07.000' },
    ]);
  });

  it('skips NOTE, STYLE and REGION blocks and cue settings', () => {
    const text = 'WEBVTT - Актау\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE\nмного\nстрок\n\nc1\n00:00:00.000 --> 00:00:01.000 line:0\n<v P1>Да</v>';
    expect(parseVtt(text, 'a.vtt')).toEqual([{ speaker: 'P1', text: 'Да', timestamp: '00:00:00.000' }]);
  });

  it('rejects a file without the WEBVTT header, naming line 1', () => {
    expect(() => parseVtt('00:00:00.000 --> 00:00:01.000\nДа', 'bad.vtt')).toThrow('bad.vtt, line 1: not a WebVTT file');
  });

  it('rejects a malformed timing line, naming it', () => {
    expect(() => parseVtt('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nДа\n\n00:00:xx --> 00:00:02.000\nНет', 'bad.vtt')).toThrow(
      /^bad\.vtt, line 6: malformed cue timing "00:00:xx --> 00:00:02.000"/,
    );
  });
});
