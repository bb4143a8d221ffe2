import { describe, expect, it } from 'vitest';
import { normaliseTimestamp } from './timestamp';

describe('normaliseTimestamp', () => {
  it('pads to hh:mm:ss', () => {
    expect(normaliseTimestamp('00:12:03')).toBe('00:12:03');
    expect(normaliseTimestamp('0:12:03')).toBe('00:12:03');
    expect(normaliseTimestamp('1:2:3')).toBe('01:02:03');
    expect(normaliseTimestamp('12:03')).toBe('00:12:03');
  });

  it('carries minutes over 59 into hours when there is no hour field', () => {
    expect(normaliseTimestamp('75:03')).toBe('01:15:03');
  });

  it('keeps fractions as milliseconds, with SRT commas or WebVTT dots', () => {
    expect(normaliseTimestamp('00:00:01,000')).toBe('00:00:01.000');
    expect(normaliseTimestamp('00:00:01.5')).toBe('00:00:01.500');
    expect(normaliseTimestamp('01:02.25')).toBe('00:01:02.250');
  });

  it('rejects what is not a timestamp', () => {
    for (const bad of ['', 'abc', '12', '00:60', '1:60:00', '12:03:61', '12-03', '1:2:3:4']) {
      expect(normaliseTimestamp(bad)).toBeNull();
    }
  });

  it('is idempotent', () => {
    for (const t of ['00:12:03', '01:15:03.250', '123:00:00']) expect(normaliseTimestamp(t)).toBe(t);
  });
});
