'use client';
import { useI18n } from '../I18nProvider';

/** Above the text: snapping to words, undo and redo, read-only notice, and why the last write failed. */
export function EditorToolbar({
  snap,
  onSnapChange,
  undo,
  readOnly,
  failure,
}: {
  snap: boolean;
  onSnapChange: (snap: boolean) => void;
  undo: { canUndo: boolean; canRedo: boolean; undo: () => Promise<void>; redo: () => Promise<void> };
  readOnly: boolean;
  failure: string | null;
}) {
  const { t } = useI18n();
  return (
    <div className="editor-toolbar">
      <label>
        <input type="checkbox" checked={snap} onChange={(e) => onSnapChange(e.target.checked)} /> {t('editor.snapWords')}
      </label>
      <button type="button" className="link-button" disabled={!undo.canUndo} onClick={() => void undo.undo()} title="Ctrl+Z">
        {t('editor.undo')}
      </button>
      <button type="button" className="link-button" disabled={!undo.canRedo} onClick={() => void undo.redo()} title="Ctrl+Shift+Z">
        {t('editor.redo')}
      </button>
      {readOnly && <span className="muted">{t('editor.readOnly')}</span>}
      {failure && (
        <span role="alert" className="error">
          {t('editor.failed', { message: failure })}
        </span>
      )}
    </div>
  );
}
