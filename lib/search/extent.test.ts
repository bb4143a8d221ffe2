import { describe, expect, it } from 'vitest';
import { extendHit } from './extent';

const TEXT = 'Бірінші сөйлем. Мен әкімдікке жаздым! Сосын e-Otinish арқылы өтініш бердім… Соңы';

function extended(word: string, extent: 'match' | 'sentence' | 'turn', text = TEXT): string {
  const start = text.indexOf(word);
  const [s, e] = extendHit(text, start, start + word.length, extent);
  return text.slice(s, e);
}

describe('extendHit', () => {
  it('keeps the match, or takes the whole turn', () => {
    expect(extended('әкімдікке', 'match')).toBe('әкімдікке');
    expect(extended('әкімдікке', 'turn')).toBe(TEXT);
  });

  it('takes the sentence the hit is in, with its end mark', () => {
    expect(extended('Бірінші', 'sentence')).toBe('Бірінші сөйлем.');
    expect(extended('әкімдікке', 'sentence')).toBe('Мен әкімдікке жаздым!');
    expect(extended('e-Otinish', 'sentence')).toBe('Сосын e-Otinish арқылы өтініш бердім…');
    expect(extended('Соңы', 'sentence')).toBe('Соңы');
  });

  it('keeps closing quotes, and does not end a sentence inside a word like e.g.', () => {
    const text = 'Он сказал: «Пишите в акимат.» Потом v1.2 вышла.';
    expect(extended('акимат', 'sentence', text)).toBe('Он сказал: «Пишите в акимат.»');
    expect(extended('вышла', 'sentence', text)).toBe('Потом v1.2 вышла.');
  });

  it('spans every sentence a long hit touches', () => {
    const start = TEXT.indexOf('сөйлем');
    const end = TEXT.indexOf('әкімдікке') + 3;
    const [s, e] = extendHit(TEXT, start, end, 'sentence');
    expect(TEXT.slice(s, e)).toBe('Бірінші сөйлем. Мен әкімдікке жаздым!');
  });
});
