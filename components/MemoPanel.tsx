'use client';
import { useState, useTransition } from 'react';
import { deleteMemoAction, saveMemoAction } from '@/server/actions/memos';
import { useI18n } from './I18nProvider';
import { formatDateTime } from '@/lib/i18n';
import type { MemoView } from '@/lib/memos/views';

/** The memos on a project, a document or a code: read by every member, written by coders and leads. */
export function MemoPanel({
  projectId,
  kind,
  targetId,
  memos,
  userId,
  canWrite,
  isLead,
  title,
}: {
  projectId: string;
  kind: 'project' | 'document' | 'code';
  targetId: number | null;
  memos: MemoView[];
  userId: number;
  canWrite: boolean;
  isLead: boolean;
  title: string;
}) {
  const { t, locale } = useI18n();
  const [list, setList] = useState(memos);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (p: Promise<{ ok: true; value: MemoView[] } | { ok: false; error: string }>, after?: () => void) =>
    start(async () => {
      const r = await p;
      if (r.ok) {
        setList(r.value);
        setError(null);
        after?.();
      } else setError(r.error);
    });
  return (
    <details className="memo-panel" data-testid={`memos-${kind}`} open={list.length > 0}>
      <summary>
        {title} ({list.length})
      </summary>
      <ul>
        {list.map((m) => (
          <li key={m.id}>
            <span className="muted">
              {m.authorName} · {formatDateTime(m.updatedAt, locale)}
            </span>
            {editing?.id === m.id ? (
              <>
                <textarea value={editing.text} rows={3} onChange={(e) => setEditing({ id: m.id, text: e.target.value })} aria-label={t('memos.text')} />
                <button type="button" disabled={pending} onClick={() => run(saveMemoAction(projectId, { kind, targetId, memoId: m.id, text: editing.text }), () => setEditing(null))}>
                  {t('memos.save')}
                </button>
              </>
            ) : (
              <p className="memo-text">{m.text}</p>
            )}
            {canWrite && m.authorId === userId && editing?.id !== m.id && (
              <button type="button" className="link-button" onClick={() => setEditing({ id: m.id, text: m.text })}>
                {t('memos.edit')}
              </button>
            )}
            {canWrite && (m.authorId === userId || isLead) && (
              <button type="button" className="link-button" disabled={pending} onClick={() => run(deleteMemoAction(projectId, { kind, targetId, memoId: m.id }))}>
                {t('memos.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(saveMemoAction(projectId, { kind, targetId, text: draft }), () => setDraft(''));
          }}
        >
          <textarea value={draft} rows={2} onChange={(e) => setDraft(e.target.value)} placeholder={t('memos.placeholder')} aria-label={t('memos.text')} />
          <button type="submit" disabled={pending || !draft.trim()}>
            {t('memos.add')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
