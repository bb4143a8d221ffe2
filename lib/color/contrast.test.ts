import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance, textColorOn } from './contrast';

describe('WCAG contrast', () => {
  it('matches the published extremes and reference pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // WebAIM's contrast checker: #767676 on white is 4.54:1 (the lightest grey passing AA), #777777 4.48:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
    // Pure red on white, 4.00:1; blue on white 8.59:1 (WebAIM).
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });

  it('computes luminance by the sRGB formula', () => {
    // 0x80 = 128: (128/255 + 0.055)/1.055 = 0.52781…, ^2.4 = 0.21586
    expect(relativeLuminance('#808080')).toBeCloseTo(0.21586, 5);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 6);
    expect(() => relativeLuminance('red')).toThrow(/#RRGGBB/);
  });

  it('picks a text colour that reaches AA on every colour', () => {
    expect(textColorOn('#ffe08a')).toBe('#000000');
    expect(textColorOn('#1f4e79')).toBe('#ffffff');
    expect(textColorOn('nonsense')).toBe('#000000');
    // Every grey and every hue step: the better of the two is always ≥ 4.5.
    for (let v = 0; v < 0x1000000; v += 0x050709) {
      const bg = `#${v.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
