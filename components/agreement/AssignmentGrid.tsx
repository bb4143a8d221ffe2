'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { setAssignmentsAction } from '@/server/actions/assignments';
import { useI18n } from '../I18nProvider';

type Status = 'not_started' | 'in_progress' | 'done';

/**
 * Documents × coders as checkboxes; ticking whole rows and columns at once. Nothing is written
 * until Save, which sends every change in one request (and one transaction).
 */
export function AssignmentGrid({
  projectId,
  documents,
  coders,
  cells,
}: {
  projectId: string;
  documents: Array<{ id: number; title: string }>;
  coders: Array<{ id: number; name: string }>;
  cells: Array<{ documentId: number; coderId: number; status: Status; codings: number }>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const key = (d: number, c: number) => `${d}:${c}`;
  const saved = useMemo(() => new Map(cells.map((c) => [key(c.documentId, c.coderId), c])), [cells]);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(saved.keys()));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const changes = useMemo(() => {
    const out: Array<{ documentId: number; coderId: number; assigned: boolean }> = [];
    for (const d of documents) {
      for (const c of coders) {
        const k = key(d.id, c.id);
        if (ticked.has(k) !== saved.has(k)) out.push({ documentId: d.id, coderId: c.id, assigned: ticked.has(k) });
      }
    }
    return out;
  }, [documents, coders, ticked, saved]);

  const setMany = (keys: string[], on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });
  const column = (coderId: number) => documents.map((d) => key(d.id, coderId));
  const row = (documentId: number) => coders.map((c) => key(documentId, c.id));
  const all = (keys: string[]) => keys.length > 0 && keys.every((k) => ticked.has(k));

  const save = () =>
    start(async () => {
      const r = await setAssignmentsAction(projectId, { changes });
      setMessage(r.ok ? { ok: true, text: t('assign.saved', { added: r.value.added, removed: r.value.removed }) } : { ok: false, text: t('common.error', { message: r.error }) });
      if (r.ok) router.refresh();
    });

  if (coders.length === 0) return <p className="empty">{t('assign.noCoders')}</p>;
  return (
    <div className="assignment-grid">
      <div className="inline-form">
        <button type="button" disabled={pending || changes.length === 0} onClick={save}>
          {t('assign.save', { n: changes.length })}
        </button>
        <button type="button" className="link-button" disabled={pending || changes.length === 0} onClick={() => setTicked(new Set(saved.keys()))}>
          {t('assign.reset')}
        </button>
        {message && (
          <span role="status" className={message.ok ? 'ok' : 'error'}>
            {message.text}
          </span>
        )}
      </div>
      <table className="grid" data-testid="assignment-grid">
        <thead>
          <tr>
            <th>{t('docs.title')}</th>
            {coders.map((c) => (
              <th key={c.id}>
                <label>
                  <input type="checkbox" checked={all(column(c.id))} onChange={(e) => setMany(column(c.id), e.target.checked)} aria-label={t('assign.column', { coder: c.name })} />{' '}
                  {c.name}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <label>
                  <input type="checkbox" checked={all(row(d.id))} onChange={(e) => setMany(row(d.id), e.target.checked)} aria-label={t('assign.row', { document: d.title })} />{' '}
                  {d.title}
                </label>
              </th>
              {coders.map((c) => {
                const k = key(d.id, c.id);
                const cell = saved.get(k);
                const changed = ticked.has(k) !== saved.has(k);
                return (
                  <td key={c.id} className={`assign-cell${changed ? ' changed' : ''}${cell ? ` status-${cell.status}` : ''}`}>
                    <input
                      type="checkbox"
                      checked={ticked.has(k)}
                      onChange={(e) => setMany([k], e.target.checked)}
                      aria-label={t('assign.cell', { document: d.title, coder: c.name })}
                    />
                    {cell && (
                      <span className="assign-status">
                        {' '}
                        {t(`status.${cell.status}`)}
                        {cell.codings > 0 && <> · {cell.codings}</>}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
