/**
 * Timestamps as transcripts write them ("12:03", "0:12:03", "[00:12:03]", SRT's
 * "00:12:03,250", WebVTT's "00:12:03.250") normalised to one shape: "hh:mm:ss", with
 * ".mmm" appended when the source gives a fraction of a second. Hours may exceed 99.
 */

/** Matches a bare timestamp: [h:]mm:ss with an optional ,fff or .fff fraction. */
export const TIMESTAMP_SOURCE = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;

const WHOLE = new RegExp(`^(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,3}))?$`);

/**
 * Normalises a timestamp to "hh:mm:ss" or "hh:mm:ss.mmm". Two fields are minutes and seconds
 * (minutes may exceed 59: "75:03" is 01:15:03). Returns null when `raw` is not a timestamp
 * or its seconds (or, with hours, minutes) are 60 or more.
 */
export function normaliseTimestamp(raw: string): string | null {
  const m = WHOLE.exec(raw.trim());
  if (!m) return null;
  const [, h, mm, ss, frac] = m;
  let hours = h === undefined ? 0 : Number(h);
  let minutes = Number(mm);
  const seconds = Number(ss);
  if (seconds >= 60) return null;
  if (h !== undefined && minutes >= 60) return null;
  if (h === undefined) {
    hours = Math.floor(minutes / 60);
    minutes %= 60;
  }
  const base = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return frac === undefined ? base : `${base}.${frac.padEnd(3, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
