'use client';
import Link from 'next/link';
import { Fragment, useMemo, useState } from 'react';
import { hitKey, searchOptionsToParams, type SearchOptions } from '@/lib/search/options';
import { useI18n } from '../I18nProvider';
import { AutoCodePanel } from './AutoCodePanel';
import type { SearchCode } from './types';
import type { SearchHitView, SearchResult } from '@/lib/search/views';

function describe(attributes: Record<string, string>): string {
  return Object.values(attributes).join(', ');
}

/**
 * Keyword-in-context lines grouped by document, with counts per document; each line opens
 * the transcript at the hit. Hits can be selected for auto-coding.
 */
export function SearchResults({
  projectId,
  documentBase,
  result,
  options,
  codes,
  canCode,
  isCoder,
  pageSize,
  maxShown,
}: {
  projectId: string;
  documentBase: string;
  result: SearchResult;
  options: SearchOptions;
  codes: SearchCode[];
  canCode: boolean;
  isCoder: boolean;
  pageSize: number;
  maxShown: number;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const shownKeys = useMemo(() => result.hits.map((h) => hitKey(h.documentId, h.start, h.end)), [result.hits]);
  const shownDocs = new Set(result.hits.map((h) => h.documentId));

  if (result.total === 0) return <p className="empty">{t('search.noHits')}</p>;

  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const speaker = (h: SearchHitView) => {
    if (h.speaker.kind === 'moderator') return { label: t('doc.moderator'), info: '' };
    const p = h.speaker.participantId != null ? result.participants[h.speaker.participantId] : undefined;
    return { label: p?.label ?? (h.speaker.label || t('doc.unknown')), info: p ? describe(p.attributes) : '' };
  };
  const link = (h: SearchHitView) => {
    const q = new URLSearchParams({ hit: `${h.start}-${h.end}`, q: options.q });
    if (options.regex) q.set('regex', '1');
    return `${documentBase}/${h.documentId}?${q}`;
  };
  const more = new URLSearchParams(searchOptionsToParams(options));
  more.set('limit', String(Math.min(maxShown, result.limit + pageSize)));
  const shownTo = result.offset + result.hits.length;

  // Group the page's hits by document, keeping the reading order.
  const groups: Array<{ documentId: number; hits: SearchHitView[] }> = [];
  for (const h of result.hits) {
    const last = groups[groups.length - 1];
    if (last && last.documentId === h.documentId) last.hits.push(h);
    else groups.push({ documentId: h.documentId, hits: [h] });
  }
  const docOf = new Map(result.documents.map((d) => [d.documentId, d]));

  return (
    <div className="search-results" data-testid="search-results">
      <p className="search-summary" data-testid="search-summary">
        {t('search.summary', { hits: result.total, turns: result.turns, documents: result.documents.length })}
        {result.truncated && <> · {t('search.truncated', { n: result.total })}</>}
      </p>
      <div className="search-columns">
        <div className="search-main">
          <div className="search-selection">
            <button type="button" className="link-button" onClick={() => setSelected(new Set(shownKeys))}>
              {t('search.selectAll')}
            </button>
            <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
              {t('search.selectNone')}
            </button>
            <span className="muted">{t('search.selected', { n: selected.size })}</span>
          </div>
          {groups.map((g) => {
            const d = docOf.get(g.documentId)!;
            return (
              <Fragment key={`${g.documentId}:${g.hits[0].start}`}>
                <h3 className="search-doc" id={`doc-${g.documentId}`}>
                  {d.title} <span className="muted">{describe(d.attributes)}</span> <span className="badge">{d.hits}</span>
                </h3>
                <ol className="search-hits">
                  {g.hits.map((h) => {
                    const key = hitKey(h.documentId, h.start, h.end);
                    const who = speaker(h);
                    return (
                      <li key={key} className="search-hit" data-testid="search-hit">
                        <input type="checkbox" checked={selected.has(key)} onChange={() => toggle(key)} aria-label={t('search.selectHit')} />
                        <span className="search-speaker" title={who.info}>
                          {who.label}
                          {who.info && <small>{who.info}</small>}
                        </span>
                        <Link className="search-kwic" href={link(h)} title={t('search.openHit')}>
                          <span className="before">{h.snippet.before}</span>
                          <mark>{h.snippet.match}</mark>
                          <span className="after">{h.snippet.after}</span>
                        </Link>
                        {h.coded && <span className="badge">{t('search.codedBadge')}</span>}
                      </li>
                    );
                  })}
                </ol>
              </Fragment>
            );
          })}
          <p className="search-pager muted">
            {t('search.showing', { from: result.offset + 1, to: shownTo, total: result.total })}
            {shownTo < result.total && result.limit < maxShown && (
              <>
                {' '}
                · <Link href={`?${more}`}>{t('search.showMore')}</Link>
              </>
            )}
          </p>
        </div>
        <aside className="search-side">
          {canCode && (
            <AutoCodePanel
              projectId={projectId}
              options={options}
              codes={codes}
              total={result.total}
              selection={[...selected]}
              isCoder={isCoder}
            />
          )}
          <table className="search-docs" data-testid="search-documents">
            <caption>{t('search.byDocument')}</caption>
            <thead>
              <tr>
                <th>{t('search.document')}</th>
                <th className="num">{t('search.hits')}</th>
              </tr>
            </thead>
            <tbody>
              {result.documents.map((d) => (
                <tr key={d.documentId}>
                  <td>
                    {shownDocs.has(d.documentId) ? <a href={`#doc-${d.documentId}`}>{d.title}</a> : d.title}
                    <small className="muted"> {describe(d.attributes)}</small>
                  </td>
                  <td className="num">{d.hits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
      </div>
    </div>
  );
}
