'use client';
import { useI18n } from '../I18nProvider';
import { MARGIN_WIDTH } from './useMarginWidth';

/** Above the text: snapping to words, undo and redo, the margin's width, read-only notice, and why the last write failed. */
export function EditorToolbar({
  snap,
  onSnapChange,
  undo,
  readOnly,
  failure,
  marginWidth,
  onMarginWidthChange,
}: {
  snap: boolean;
  onSnapChange: (snap: boolean) => void;
  undo: { canUndo: boolean; canRedo: boolean; undo: () => Promise<void>; redo: () => Promise<void> };
  readOnly: boolean;
  failure: string | null;
  marginWidth: number;
  onMarginWidthChange: (px: number) => void;
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
      <label className="margin-width">
        {t('editor.marginWidth')}{' '}
        <input type="range" min={MARGIN_WIDTH.min} max={MARGIN_WIDTH.max} step={20} value={marginWidth} onChange={(e) => onMarginWidthChange(Number(e.target.value))} />
      </label>
      {readOnly && <span className="muted">{t('editor.readOnly')}</span>}
      {failure && (
        <span role="alert" className="error">
          {t('editor.failed', { message: failure })}
        </span>
      )}
    </div>
  );
}
