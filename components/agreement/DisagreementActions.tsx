'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { resolveDisagreementAction } from '@/server/actions/agreement';
import { useI18n } from '../I18nProvider';

export interface ActionCoder {
  id: string;
  name: string;
  color: string;
}

type Decision = { kind: 'accept'; coder: string } | { kind: 'both' } | { kind: 'reject' } | { kind: 'edit'; start: number; end: number };

/**
 * The lead's decision on one disagreement: accept a coder's version, keep both, reject, or set
 * the range by selecting it in the passage; with an optional note that can also go to the
 * code's memos. Writes through the server action, which looks the disagreement up again.
 */
export function DisagreementActions({
  projectId,
  documentId,
  documentVersion,
  coderIds,
  disagreementKey,
  thresholdPercent,
  coders,
  passage,
  initialRange,
}: {
  projectId: string;
  documentId: number;
  /** The document version the passage was read at: a correction since then refuses the decision (stale). */
  documentVersion: number;
  coderIds: number[];
  disagreementKey: string;
  thresholdPercent: number;
  coders: ActionCoder[];
  /** The text shown around the passage and where it starts in the document. */
  passage: { start: number; text: string };
  initialRange: { start: number; end: number };
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [note, setNote] = useState('');
  const [noteToCode, setNoteToCode] = useState(false);
  const [editing, setEditing] = useState(false);
  const [range, setRange] = useState(initialRange);
  const textRef = useRef<HTMLParagraphElement>(null);

  const decide = (decision: Decision) =>
    start(async () => {
      const r = await resolveDisagreementAction(projectId, { documentId, version: documentVersion, coders: coderIds, key: disagreementKey, thresholdPercent, decision, note, noteToCode });
      setMessage(r.ok ? { ok: true, text: t('review.saved') } : { ok: false, text: t('common.error', { message: r.error }) });
      if (r.ok) setEditing(false);
      // Saved, or the transcript was corrected meanwhile: show the current text (the message stays).
      if (r.ok || r.reason === 'document.stale') router.refresh();
    });

  // The passage is one text node: a selection inside it maps to document offsets directly.
  const takeSelection = () => {
    const selection = window.getSelection();
    const node = textRef.current?.firstChild;
    if (!selection || selection.isCollapsed || !node || selection.anchorNode !== node || selection.focusNode !== node) return;
    const a = selection.anchorOffset;
    const b = selection.focusOffset;
    setRange({ start: passage.start + Math.min(a, b), end: passage.start + Math.max(a, b) });
  };
  const inPassage = range.start >= passage.start && range.end <= passage.start + passage.text.length && range.end > range.start;
  const rel = (x: number) => x - passage.start;

  return (
    <div className="review-actions" data-testid="review-actions">
      <div className="review-buttons">
        {coders.map((c) => (
          <button key={c.id} type="button" disabled={pending} style={{ borderLeft: `6px solid ${c.color}` }} onClick={() => decide({ kind: 'accept', coder: c.id })}>
            {t('review.accept', { coder: c.name })}
          </button>
        ))}
        <button type="button" disabled={pending} onClick={() => decide({ kind: 'both' })}>
          {t('review.both')}
        </button>
        <button type="button" className="secondary" disabled={pending} onClick={() => decide({ kind: 'reject' })}>
          {t('review.reject')}
        </button>
        <button type="button" className="secondary" disabled={pending} aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('review.edit')}
        </button>
      </div>
      {editing && (
        <div className="review-edit">
          <p className="hint">{t('review.editHelp')}</p>
          <p ref={textRef} className="review-edit-text" onMouseUp={takeSelection} onKeyUp={takeSelection}>
            {passage.text}
          </p>
          <div className="inline-form">
            <label>
              {t('review.start')}{' '}
              <input type="number" min={0} value={range.start} onChange={(e) => setRange({ ...range, start: Number(e.target.value) })} />
            </label>
            <label>
              {t('review.end')}{' '}
              <input type="number" min={0} value={range.end} onChange={(e) => setRange({ ...range, end: Number(e.target.value) })} />
            </label>
            <button type="button" disabled={pending || range.end <= range.start} onClick={() => decide({ kind: 'edit', start: range.start, end: range.end })}>
              {t('review.saveEdit')}
            </button>
          </div>
          {inPassage && (
            <blockquote className="review-edit-preview" data-testid="edit-preview">
              {passage.text.slice(rel(range.start), rel(range.end))}
            </blockquote>
          )}
        </div>
      )}
      <label className="stack-label">
        {t('review.note')}
        <textarea rows={2} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={noteToCode} onChange={(e) => setNoteToCode(e.target.checked)} /> {t('review.noteToCode')}
      </label>
      <p className="hint">{t('review.replaces')}</p>
      {message && (
        <p role="status" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
