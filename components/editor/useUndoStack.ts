import { useCallback, useRef, useState } from 'react';

export interface UndoEntry {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** Undo and redo of coding actions within the session; each entry knows its inverse. */
export function useUndoStack() {
  const done = useRef<UndoEntry[]>([]);
  const undone = useRef<UndoEntry[]>([]);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const busy = useRef(false);

  const push = useCallback((e: UndoEntry) => {
    done.current.push(e);
    undone.current = [];
    bump();
  }, []);
  const undo = useCallback(async () => {
    const e = done.current.pop();
    if (!e || busy.current) return;
    busy.current = true;
    try {
      await e.undo();
      undone.current.push(e);
    } finally {
      busy.current = false;
      bump();
    }
  }, []);
  const redo = useCallback(async () => {
    const e = undone.current.pop();
    if (!e || busy.current) return;
    busy.current = true;
    try {
      await e.redo();
      done.current.push(e);
    } finally {
      busy.current = false;
      bump();
    }
  }, []);
  return { push, undo, redo, canUndo: done.current.length > 0, canRedo: undone.current.length > 0 };
}
