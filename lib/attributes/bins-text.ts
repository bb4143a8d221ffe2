/**
 * Bins of a number attribute written as text, one per line, the way the definitions editor
 * shows them: "18–29" (the range is the label) or "under 5: 0–4" (a label, then the range).
 * Ranges are inclusive; the dash may be "–", "—", "-" or "..".
 */
import type { AttributeBin } from './types';

const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
const LINE = new RegExp(String.raw`^(?:(.*?)\s*:\s*)?(${NUMBER})\s*(?:–|—|-|\.\.)\s*(${NUMBER})$`);

/**
 * Parses bins, one per line (blank lines skipped). Returns the bins in order and, for each
 * line that is not "label: min–max" or "min–max", a problem naming the line (1-based).
 * Overlaps and min > max are left to checkDefinition (./validate).
 */
export function parseBinsText(text: string): { bins: AttributeBin[]; problems: string[] } {
  const bins: AttributeBin[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = LINE.exec(line);
    if (!m) {
      problems.push(`bin line ${i + 1} ("${line}") should look like "18–29" or "young: 18–29"`);
      return;
    }
    const min = Number(m[2].replace(',', '.'));
    const max = Number(m[3].replace(',', '.'));
    const label = (m[1] ?? '').trim() || `${formatNumber(min)}–${formatNumber(max)}`;
    bins.push({ label, min, max });
  });
  return { bins, problems };
}

/** Writes bins back as {@link parseBinsText} reads them: "18–29", or "label: min–max" when the label is not the range. */
export function formatBinsText(bins: readonly AttributeBin[]): string {
  return bins
    .map((b) => {
      const range = `${formatNumber(b.min)}–${formatNumber(b.max)}`;
      return b.label === range ? range : `${b.label}: ${range}`;
    })
    .join('\n');
}

function formatNumber(n: number): string {
  return String(n);
}
