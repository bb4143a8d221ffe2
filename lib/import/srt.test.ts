import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';
import { parseSrt } from './srt';
import { fixture } from './testing';

describe('parseSrt', () => {
  it('reads the fixture: "Name:" prefixes, tags removed, same-speaker subtitles merged', () => {
    const text = decodeText(fixture('kyzylorda-zoom.srt'), 'utf-8');
    expect(parseSrt(text, 'kyzylorda-zoom.srt')).toEqual([
      { speaker: 'Модератор', text: 'Сәлеметсіздер ме! Бүгін сайлау туралы сөйлесеміз.', timestamp: '00:00:02.000' },
      { speaker: 'Дина', text: 'Мен үшін сайлау — азаматтық парыз. Бірақ кандидаттар туралы ақпарат аз.', timestamp: '00:00:07.000' },
      { speaker: 'Серік', text: 'Ақпаратты TikTok пен Instagram-нан аламын.', timestamp: '00:00:15.500' },
      { speaker: 'Модератор', text: 'Рахмет. Онлайн-петицияларға қол қойдыңыздар ма?', timestamp: '00:00:20.500' },
    ]);
  });

  it('gives subtitles without labels no speaker, one turn each', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nПервый.\n\n2\n00:00:02,500 --> 00:00:03,000\nВторой.\n';
    expect(parseSrt(text, 'a.srt')).toEqual([
      { speaker: null, text: 'Первый.', timestamp: '00:00:01.000' },
      { speaker: null, text: 'Второй.', timestamp: '00:00:02.500' },
    ]);
  });

  it('tolerates a blank line inside a subtitle and a missing number', () => {
    const text = '00:00:01,000 --> 00:00:02,000\nP1: Первая часть\n\nвторая часть\n\n2\n00:00:03,000 --> 00:00:04,000\nP2: Да';
    expect(parseSrt(text, 'a.srt')).toEqual([
      { speaker: 'P1', text: 'Первая часть вторая часть', timestamp: '00:00:01.000' },
      { speaker: 'P2', text: 'Да', timestamp: '00:00:03.000' },
    ]);
  });

  it('names the line of a missing or malformed timing', () => {
    expect(() => parseSrt('1\nP1: без времени\n', 'bad.srt')).toThrow('bad.srt, line 2: expected a timing line');
    expect(() => parseSrt('Просто текст\n', 'bad.srt')).toThrow('bad.srt, line 1: expected a subtitle timing line');
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nДа\n\n2\n00:00:99,000 --> 00:01:00,000\nНет', 'bad.srt')).toThrow(
      /^bad\.srt, line 6: malformed cue timing/,
    );
  });
});
