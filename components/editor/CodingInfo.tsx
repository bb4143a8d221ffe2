'use client';
import { useEffect, useRef, useState } from 'react';
import { translationsAction } from '@/server/actions/translations';
import { TranslationsEditor } from '../export/TranslationsEditor';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import { useI18n } from '../I18nProvider';
import { formatDateTime } from '@/lib/i18n';
import type { TranslationView } from '@/lib/translation/views';
import type { CodingChange, EditorCode, TextRange } from './types';

/**
 * The codings under a clicked highlight or stripe (or the caret, with Enter): codes,
 * coder, memo, time, and actions. It floats over the page's edge rather than taking a
 * column, so opening it never re-wraps the transcript.
 */
export function CodingInfo({
  projectId,
  codings,
  text,
  codes,
  canEdit,
  editLayer,
  selection,
  onRemove,
  onChange,
  onClose,
  focusOnOpen = false,
}: {
  projectId: string;
  codings: EditorCoding[];
  /** The document's text, which the quotes are slices of. */
  text: string;
  codes: EditorCode[];
  canEdit: boolean;
  editLayer: LayerRef | null;
  selection: TextRange | null;
  onRemove: (c: EditorCoding) => void;
  onChange: (c: EditorCoding, change: CodingChange) => void;
  onClose: () => void;
  /** Opened from the keyboard: focus moves into the panel (Esc gives it back). */
  focusOnOpen?: boolean;
}) {
  const { t } = useI18n();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnOpen) panel.current?.focus();
  }, [focusOnOpen, codings[0]?.id]);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const editable = (c: EditorCoding) =>
    canEdit &&
    editLayer != null &&
    (editLayer.kind === 'consensus' ? c.layer === 'consensus' : c.layer === 'coder' && c.coderId === editLayer.coderId);
  return (
    <aside
      className="coding-info"
      data-testid="coding-info"
      aria-label={t('editor.codingsHere')}
      ref={panel}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header>
        <strong>{t('editor.codingsHere')}</strong>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('editor.close')}>
          ×
        </button>
      </header>
      {codings.map((c) => (
        <CodingCard
          key={c.id}
          projectId={projectId}
          canTranslate={canEdit}
          coding={c}
          quote={text.slice(c.start, c.end)}
          code={byId.get(c.codeId)}
          codes={codes}
          editable={editable(c)}
          selection={selection}
          onRemove={() => onRemove(c)}
          onChange={(change) => onChange(c, change)}
        />
      ))}
    </aside>
  );
}

function CodingCard({
  projectId,
  canTranslate,
  coding,
  quote,
  code,
  codes,
  editable,
  selection,
  onRemove,
  onChange,
}: {
  projectId: string;
  canTranslate: boolean;
  coding: EditorCoding;
  quote: string;
  code: EditorCode | undefined;
  codes: EditorCode[];
  editable: boolean;
  selection: TextRange | null;
  onRemove: () => void;
  onChange: (change: CodingChange) => void;
}) {
  const { t, locale } = useI18n();
  const [memo, setMemo] = useState(coding.memo);
  const [memoAsked, setMemoAsked] = useState(false);
  // Translations are fetched when the reader opens them, not with every coding looked at.
  const [translationsOpen, setTranslationsOpen] = useState(false);
  const [translations, setTranslations] = useState<TranslationView[] | null>(null);
  useEffect(() => {
    if (!translationsOpen || coding.id < 0) return; // closed, or not saved yet
    let live = true;
    void translationsAction(projectId, { codingId: coding.id }).then((r) => live && setTranslations(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [projectId, coding.id, translationsOpen]);
  return (
    <div className="coding-card" data-coding={coding.id}>
      <div className="coding-code">
        <span className="swatch" style={{ background: code?.color }} aria-hidden /> {code?.path}
      </div>
      <div className="muted">
        {coding.layer === 'consensus' ? t('editor.consensus') : coding.coderName} · {formatDateTime(coding.updatedAt, locale)}
        {coding.needsReview && <span className="badge warn"> {t('editor.needsReview')}</span>}
      </div>
      <blockquote className="coding-quote">{quote}</blockquote>
      {editable ? (
        <>
          <label className="stack-label">
            {t('editor.changeCode')}
            <select value={coding.codeId} onChange={(e) => onChange({ codeId: Number(e.target.value) })}>
              {codes
                .filter((c) => !c.archived || c.id === coding.codeId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.path}
                  </option>
                ))}
            </select>
          </label>
          <label className="stack-label">
            {t('editor.memo')}
            <textarea value={memo} rows={2} onChange={(e) => setMemo(e.target.value)} />
          </label>
          <div className="actions">
            <button
              type="button"
              disabled={memo === coding.memo}
              onClick={() => {
                setMemoAsked(true);
                onChange({ memo });
              }}
            >
              {t('editor.saveMemo')}
            </button>
            <span role="status" className="saved">
              {memoAsked && memo === coding.memo ? `✓ ${t('editor.memoSaved')}` : ''}
            </span>
            <button type="button" disabled={!selection} onClick={() => selection && onChange(selection)}>
              {t('editor.fitToSelection')}
            </button>
            <button type="button" className="danger" onClick={onRemove}>
              {t('editor.remove')}
            </button>
          </div>
        </>
      ) : (
        coding.memo && <p className="memo">{coding.memo}</p>
      )}
      {coding.id > 0 && (
        <details className="coding-translations" onToggle={(e) => setTranslationsOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{t('editor.translations')}</summary>
          {translations && <TranslationsEditor projectId={projectId} codingId={coding.id} translations={translations} canEdit={canTranslate} />}
        </details>
      )}
    </div>
  );
}
