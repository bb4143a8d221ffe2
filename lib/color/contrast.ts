/**
 * WCAG 2.x contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio): relative
 * luminance of sRGB colours and the ratio (L1 + 0.05) / (L2 + 0.05). Used to pick the text
 * colour of a label drawn on a code's colour, which the user chose freely.
 */

const HEX = /^#[0-9a-f]{6}$/i;

/** Relative luminance of #RRGGBB, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  if (!HEX.test(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black text, or white, on a background: whichever contrasts more. For any
 * background one of black and white reaches at least 4.58:1, above AA's 4.5:1 for text.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  const bg = HEX.test(background) ? background : '#888888';
  return contrastRatio(bg, '#000000') >= contrastRatio(bg, '#ffffff') ? '#000000' : '#ffffff';
}
