'use client';
import { useEffect, useState } from 'react';
import { translationsAction } from '@/server/actions/translations';
import { TranslationsEditor } from '../export/TranslationsEditor';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import { useI18n } from '../I18nProvider';
import { formatDateTime } from '@/lib/i18n';
import type { TranslationView } from '@/lib/translation/views';
import type { CodingChange, EditorCode, TextRange } from './types';

/** The codings under a clicked highlight or stripe: codes, coder, memo, time, and actions. */
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
}) {
  const { t } = useI18n();
  const byId = new Map(codes.map((c) => [c.id, c]));
  const editable = (c: EditorCoding) =>
    canEdit &&
    editLayer != null &&
    (editLayer.kind === 'consensus' ? c.layer === 'consensus' : c.layer === 'coder' && c.coderId === editLayer.coderId);
  return (
    <aside className="coding-info" data-testid="coding-info" aria-label={t('editor.codingsHere')}>
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
  const [translations, setTranslations] = useState<TranslationView[] | null>(null);
  useEffect(() => {
    if (coding.id < 0) return; // not saved yet
    let live = true;
    void translationsAction(projectId, { codingId: coding.id }).then((r) => live && setTranslations(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [projectId, coding.id]);
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
            <button type="button" disabled={memo === coding.memo} onClick={() => onChange({ memo })}>
              {t('editor.saveMemo')}
            </button>
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
      {translations && <TranslationsEditor projectId={projectId} codingId={coding.id} translations={translations} canEdit={canTranslate} />}
    </div>
  );
}
