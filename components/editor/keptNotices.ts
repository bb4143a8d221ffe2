import { useCallback, useEffect, useState } from 'react';

/**
 * Messages that must outlive the remount a new document version causes (the editor's key has
 * the version): why the editor reloaded itself. Kept per tab, shown once by the next editor.
 */
const kept = new Map<string, string>();

/**
 * A notice of the editor, and `keep` to show one that the editor mounted next (after the reload it
 * announces) shows again. It is forgotten once that editor mounts, or when the editor goes away
 * without a reload (the reader left the page), so a later visit does not show it.
 */
export function useKeptNotice(key: string) {
  const [notice, setNotice] = useState<string | null>(() => kept.get(key) ?? null);
  useEffect(() => {
    kept.delete(key);
    // The next editor has read it in its first render, before this cleanup runs.
    return () => {
      kept.delete(key);
    };
  }, [key]);
  const keep = useCallback(
    (message: string) => {
      kept.set(key, message);
      setNotice(message);
    },
    [key],
  );
  return { notice, setNotice, keep };
}
