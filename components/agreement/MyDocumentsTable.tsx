'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setMyStatusAction } from '@/server/actions/assignments';
import { useI18n } from '../I18nProvider';
import { formatDateTime } from '@/lib/i18n';
import type { MyDocument } from '@/lib/access/assignments';

/** The coder's assigned documents with their status; mark done or reopen. */
export function MyDocumentsTable({ projectId, documents }: { projectId: string; documents: MyDocument[] }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const change = (documentId: number, to: 'done' | 'reopen') =>
    start(async () => {
      const r = await setMyStatusAction(projectId, { documentId, change: to });
      setError(r.ok ? null : t('common.error', { message: r.error }));
      if (r.ok) router.refresh();
    });
  return (
    <>
      <table className="grid" data-testid="my-documents">
        <thead>
          <tr>
            <th>{t('docs.title')}</th>
            <th>{t('myDocs.status')}</th>
            <th className="num">{t('myDocs.codings')}</th>
            <th>{t('myDocs.updated')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.documentId} data-status={d.status}>
              <td>
                <Link href={`/projects/${projectId}/documents/${d.documentId}`}>{d.title}</Link>
              </td>
              <td className={`status-${d.status}`}>{t(`status.${d.status}`)}</td>
              <td className="num">{d.codings}</td>
              <td>{formatDateTime(d.updatedAt, locale)}</td>
              <td>
                {d.status === 'done' ? (
                  <button type="button" className="link-button" disabled={pending} onClick={() => change(d.documentId, 'reopen')}>
                    {t('myDocs.reopen')}
                  </button>
                ) : (
                  <button type="button" disabled={pending} onClick={() => change(d.documentId, 'done')}>
                    {t('myDocs.markDone')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
