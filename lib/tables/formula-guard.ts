/**
 * The one rule for text a spreadsheet would run as a formula (CSV injection): a cell starting
 * with =, +, @, a tab or a carriage return, or with a dash directly followed by anything but
 * white space or another dash, gets a leading apostrophe. Dialogue dashes ("- Да", "— Иә",
 * "-- ну") are left alone: changing quotes is worse than the risk they carry.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+@\t\r]/.test(s) || /^-[^\s\-–—]/.test(s);
}

export function guardFormula(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}
