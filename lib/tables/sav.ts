/**
 * An SPSS system file (.sav), written by hand: uncompressed, little-endian, UTF-8. The layout
 * follows the PSPP developers' guide, "System File Format": the file header ($FL2), a
 * variable record per variable (plus continuation records for strings wider than 8 bytes),
 * value labels (records 3 and 4), a document record (the notes), the machine integer (7/3) and
 * floating point (7/4) info, variable display parameters (7/11), long variable names (7/13),
 * the character encoding (7/20, "UTF-8"), the dictionary terminator (999), then the cases.
 *
 * Names: every variable gets a short name (≤ 8 ASCII bytes, a valid SPSS name, unique) and a
 * long name (≤ 64 bytes, letters of any script kept, unique ignoring case) made from the name
 * asked for; the name as given is the variable label when no label is given. Strings are cut
 * to 255 bytes (so no very-long-string records are needed), labels to SPSS's limits, always
 * at a character boundary.
 */

export type SavMeasure = 'nominal' | 'ordinal' | 'scale';

export interface SavNumeric {
  kind: 'numeric';
  /** Any text; made into a valid SPSS name. */
  name: string;
  label?: string;
  /** F<width>.<decimals> (default F8.0) or DATE11 (values: seconds since 14 Oct 1582, see savDate). */
  format?: { type: 'F'; width: number; decimals: number } | { type: 'DATE' };
  valueLabels?: ReadonlyArray<readonly [number, string]>;
  measure?: SavMeasure;
}

export interface SavString {
  kind: 'string';
  name: string;
  label?: string;
  /** Bytes (1–255); by default the longest value's UTF-8 length. */
  width?: number;
}

export type SavVariable = SavNumeric | SavString;
/** A case's values in variable order: numbers (null = system-missing) for numeric variables, text for strings. */
export type SavValue = number | string | null;

export interface SavDataset {
  variables: readonly SavVariable[];
  cases: readonly (readonly SavValue[])[];
  /** ≤ 64 bytes. */
  fileLabel?: string;
  /** Document lines (the notes), each cut to 80 bytes. */
  documents?: readonly string[];
  /** The creation date in the header (default: now). */
  created?: Date;
}

export const SAV_TYPE = 'application/x-spss-sav';
export const MAX_STRING = 255;
const MAX_VAR_LABEL = 255;
const MAX_VALUE_LABEL = 120;
const MAX_LONG_NAME = 64;

/** Seconds between SPSS's epoch (14 Oct 1582) and 1970-01-01. */
const SPSS_EPOCH_OFFSET = 12219379200;
/** A date (its UTC day) as an SPSS date value. */
export const savDate = (d: Date): number => Math.floor(d.getTime() / 86400000) * 86400 + SPSS_EPOCH_OFFSET;

const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

/** The longest prefix of `s` whose UTF-8 form fits in `max` bytes (never splits a character). */
export function cutUtf8(s: string, max: number): string {
  if (utf8(s).length <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const w = utf8(ch).length;
    if (n + w > max) break;
    out += ch;
    n += w;
  }
  return out;
}

/**
 * Long and short names for the variables: valid SPSS names, unique ignoring case. Long names
 * keep letters and digits of any script (others become _), start with a letter (else "V" is
 * put before), do not end in "."; short names are ASCII, upper case, ≤ 8 bytes.
 */
export function savNames(names: readonly string[]): Array<{ short: string; long: string }> {
  const longSeen = new Set<string>();
  const shortSeen = new Set<string>();
  const unique = (base: string, seen: Set<string>, max: number, measure: (s: string) => number) => {
    let candidate = base;
    for (let k = 2; seen.has(candidate.toUpperCase()) || RESERVED.has(candidate.toUpperCase()); k++) {
      const suffix = `_${k}`;
      let stem = base;
      while (measure(stem + suffix) > max) stem = stem.slice(0, -1);
      candidate = stem + suffix;
    }
    seen.add(candidate.toUpperCase());
    return candidate;
  };
  return names.map((raw) => {
    let long = raw.normalize('NFC').trim().replace(/[^\p{L}\p{N}_.@#$]/gu, '_');
    if (!/^\p{L}/u.test(long)) long = `V${long}`;
    long = cutUtf8(long, MAX_LONG_NAME).replace(/\.+$/, (m) => '_'.repeat(m.length));
    long = unique(long, longSeen, MAX_LONG_NAME, (s) => utf8(s).length);
    let short = long.toUpperCase().replace(/[^A-Z0-9_]/g, '');
    if (!/^[A-Z]/.test(short)) short = `V${short}`;
    short = unique(short.slice(0, 8), shortSeen, 8, (s) => s.length);
    return { short, long };
  });
}

class Out {
  private chunks: Uint8Array[] = [];
  private size = 0;
  bytes(b: Uint8Array) {
    this.chunks.push(b);
    this.size += b.length;
  }
  i32(...xs: number[]) {
    const b = new Uint8Array(4 * xs.length);
    const v = new DataView(b.buffer);
    xs.forEach((x, i) => v.setInt32(4 * i, x, true));
    this.bytes(b);
  }
  f64(...xs: number[]) {
    const b = new Uint8Array(8 * xs.length);
    const v = new DataView(b.buffer);
    xs.forEach((x, i) => v.setFloat64(8 * i, x, true));
    this.bytes(b);
  }
  /** Text in exactly `n` bytes, space padded (cut to `max` bytes at a character boundary). */
  fixed(s: string, n: number, max = n) {
    const b = new Uint8Array(n).fill(0x20);
    b.set(utf8(cutUtf8(s, Math.min(n, max))));
    this.bytes(b);
  }
  result(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

const SYSMIS = -Number.MAX_VALUE;
const FORMAT_CODE = { A: 1, F: 5, DATE: 20 } as const;
const fmt = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;
const MEASURE_CODE: Record<SavMeasure, number> = { nominal: 1, ordinal: 2, scale: 3 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const two = (n: number) => String(n).padStart(2, '0');

/** The dataset as the bytes of a .sav file. */
export function writeSav(d: SavDataset): Uint8Array<ArrayBuffer> {
  const names = savNames(d.variables.map((v) => v.name));
  const widths = d.variables.map((v, i) => {
    if (v.kind === 'numeric') return 0;
    if (v.width != null) return Math.min(MAX_STRING, Math.max(1, Math.floor(v.width)));
    let w = 1;
    for (const c of d.cases) w = Math.max(w, utf8(cutUtf8(String(c[i] ?? ''), MAX_STRING)).length);
    return w;
  });
  const segments = widths.map((w) => (w === 0 ? 1 : Math.ceil(w / 8)));
  const caseSize = segments.reduce((a, b) => a + b, 0);
  const o = new Out();

  // File header.
  const at = d.created ?? new Date();
  o.fixed('$FL2', 4);
  o.fixed('@(#) SPSS DATA FILE - qualitative coding workbench', 60);
  o.i32(2, caseSize, 0, 0, d.cases.length);
  o.f64(100);
  o.fixed(`${two(at.getUTCDate())} ${MONTHS[at.getUTCMonth()][0]}${MONTHS[at.getUTCMonth()].slice(1).toLowerCase()} ${two(at.getUTCFullYear() % 100)}`, 9);
  o.fixed(`${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`, 8);
  o.fixed(d.fileLabel ?? '', 64);
  o.fixed('', 3);

  // Variable records; `index` is each variable's 1-based position counting continuations.
  const index: number[] = [];
  let position = 1;
  d.variables.forEach((v, i) => {
    index.push(position);
    position += segments[i];
    const f =
      v.kind === 'string'
        ? fmt(FORMAT_CODE.A, widths[i], 0)
        : v.format?.type === 'DATE'
          ? fmt(FORMAT_CODE.DATE, 11, 0)
          : fmt(FORMAT_CODE.F, v.format?.width ?? 8, v.format?.decimals ?? 0);
    const label = utf8(cutUtf8(v.label ?? v.name, MAX_VAR_LABEL));
    o.i32(2, widths[i], label.length ? 1 : 0, 0, f, f);
    o.fixed(names[i].short, 8);
    if (label.length) {
      o.i32(label.length);
      const padded = new Uint8Array(Math.ceil(label.length / 4) * 4).fill(0x20);
      padded.set(label);
      o.bytes(padded);
    }
    for (let k = 1; k < segments[i]; k++) {
      o.i32(2, -1, 0, 0, 0, 0);
      o.fixed('', 8);
    }
  });

  // Value labels: a record 3 (values and labels) then a record 4 (the variable it applies to).
  d.variables.forEach((v, i) => {
    if (v.kind !== 'numeric' || !v.valueLabels?.length) return;
    o.i32(3, v.valueLabels.length);
    for (const [value, text] of v.valueLabels) {
      o.f64(value);
      const label = utf8(cutUtf8(text, MAX_VALUE_LABEL));
      const b = new Uint8Array(Math.ceil((label.length + 1) / 8) * 8).fill(0x20);
      b[0] = label.length;
      b.set(label, 1);
      o.bytes(b);
    }
    o.i32(4, 1, index[i]);
  });

  // Documents: the notes, 80 bytes a line.
  const docs = (d.documents ?? []).filter((line) => line.length > 0);
  if (docs.length) {
    o.i32(6, docs.length);
    for (const line of docs) o.fixed(line, 80);
  }

  // 7/3 machine integer info: version 1.0.0, machine -1, IEEE 754, compression 1, little-endian, UTF-8 (65001).
  o.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001);
  // 7/4 floating point info: system-missing, highest, lowest.
  o.i32(7, 4, 8, 3);
  o.f64(SYSMIS, Number.MAX_VALUE, -1.7976931348623155e308);
  // 7/11 display parameters: measure, width, alignment (left for strings, right for numbers), per variable.
  o.i32(7, 11, 4, 3 * d.variables.length);
  d.variables.forEach((v, i) => {
    const measure = v.kind === 'string' ? 'nominal' : (v.measure ?? (v.valueLabels?.length ? 'nominal' : 'scale'));
    o.i32(MEASURE_CODE[measure], v.kind === 'string' ? Math.min(40, Math.max(8, widths[i])) : 8, v.kind === 'string' ? 0 : 1);
  });
  // 7/13 long variable names: SHORT=Long, tab separated.
  const longNames = utf8(names.map((n) => `${n.short}=${n.long}`).join('\t'));
  o.i32(7, 13, 1, longNames.length);
  o.bytes(longNames);
  // 7/20 character encoding.
  const encoding = utf8('UTF-8');
  o.i32(7, 20, 1, encoding.length);
  o.bytes(encoding);
  // Dictionary termination.
  o.i32(999, 0);

  // The cases, uncompressed: 8 bytes per number, strings space padded to their segments.
  for (const c of d.cases) {
    d.variables.forEach((v, i) => {
      const x = c[i];
      if (v.kind === 'numeric') o.f64(typeof x === 'number' && Number.isFinite(x) ? x : SYSMIS);
      else o.fixed(x == null ? '' : String(x), segments[i] * 8, widths[i]);
    });
  }
  return o.result();
}
