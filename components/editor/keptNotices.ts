/**
 * Messages that must outlive the remount a new document version causes (the editor's key has
 * the version): why the editor reloaded itself. Kept per tab, shown once by the next editor.
 */
const kept = new Map<string, string>();

export function keepNotice(key: string, message: string): void {
  kept.set(key, message);
}

/** The message kept under `key`, if any; it stays until `forgetNotice` (a render may run twice). */
export function keptNotice(key: string): string | null {
  return kept.get(key) ?? null;
}

export function forgetNotice(key: string): void {
  kept.delete(key);
}
