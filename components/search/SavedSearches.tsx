'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { searchOptionsToParams, type SearchOptions } from '@/lib/search/options';
import { deleteSavedSearchAction, saveSearchAction } from '@/server/actions/search';
import { useI18n } from '../I18nProvider';
import type { SavedSearchView } from '@/lib/search/views';

/** The project's saved searches: run one (a link), save the current search, delete. */
export function SavedSearches({
  projectId,
  saved,
  current,
  userId,
  isLead,
}: {
  projectId: string;
  saved: SavedSearchView[];
  current: SearchOptions;
  userId: number;
  isLead: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const r = await saveSearchAction(projectId, { name, options: current });
    if (r.ok) {
      setName('');
      setStatus(t('search.saved.saved'));
      router.refresh();
    } else {
      setError(r.error);
    }
  };
  const remove = async (id: number) => {
    setError(null);
    const r = await deleteSavedSearchAction(projectId, { id });
    if (r.ok) router.refresh();
    else setError(r.error);
  };

  return (
    <section className="saved-searches" aria-labelledby="saved-searches-title" data-testid="saved-searches">
      <h3 id="saved-searches-title">{t('search.saved.title')}</h3>
      {saved.length === 0 ? (
        <p className="muted">{t('search.saved.empty')}</p>
      ) : (
        <ul>
          {saved.map((s) => (
            <li key={s.id}>
              <Link href={`?${searchOptionsToParams(s.options)}`}>{s.name}</Link>{' '}
              <small className="muted">
                <code>{s.options.q}</code>
                {s.options.regex && <> · {t('search.saved.regex')}</>} · {t('search.saved.by', { name: s.createdByName })}
              </small>
              {(s.createdBy === userId || isLead) && (
                <button type="button" className="link-button" onClick={() => remove(s.id)} aria-label={t('search.saved.deleteLabel', { name: s.name })}>
                  {t('search.saved.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {current.q.trim() !== '' && (
        <form className="saved-save" onSubmit={save}>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('search.saved.name')} placeholder={t('search.saved.name')} maxLength={100} required />
          <button type="submit" disabled={name.trim() === ''}>
            {t('search.saved.save')}
          </button>
        </form>
      )}
      {status && <p role="status">{status}</p>}
      {error && (
        <p role="alert" className="search-problem">
          {error}
        </p>
      )}
    </section>
  );
}
