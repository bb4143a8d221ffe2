'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { searchOptionsToParams, type AttributeFilter, type CodedState, type SearchOptions, type SpeakerFilter } from '@/lib/search/options';
import { useI18n } from '../I18nProvider';
import type { SearchCode } from './types';
import type { FilterChoice } from '@/lib/search/views';

type Picked = Record<number, string[]>;

function picked(filters: AttributeFilter[]): Picked {
  return Object.fromEntries(filters.map((f) => [f.attributeId, f.values]));
}

function filters(p: Picked): AttributeFilter[] {
  return Object.entries(p)
    .filter(([, values]) => values.length > 0)
    .map(([id, values]) => ({ attributeId: Number(id), values }));
}

/** The query box, regex switch and filters; searching puts them in the URL. */
export function SearchForm({ options, choices, codes }: { options: SearchOptions; choices: FilterChoice[]; codes: SearchCode[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(options.q);
  const [regex, setRegex] = useState(options.regex);
  const [speakers, setSpeakers] = useState<SpeakerFilter>(options.speakers);
  const [docs, setDocs] = useState<Picked>(picked(options.document));
  const [people, setPeople] = useState<Picked>(picked(options.participant));
  const [codedCode, setCodedCode] = useState<number | null>(options.coded?.codeId ?? null);
  const [codedState, setCodedState] = useState<CodedState | 'any'>(options.coded?.state ?? 'any');

  const current = (): SearchOptions => ({
    q,
    regex,
    speakers,
    document: filters(docs),
    participant: filters(people),
    coded: codedCode != null && codedState !== 'any' ? { codeId: codedCode, state: codedState } : null,
  });
  const active = filters(docs).length + filters(people).length + (speakers !== 'all' ? 1 : 0) + (current().coded ? 1 : 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    router.push(`${pathname}?${searchOptionsToParams(current())}`);
  };
  const clear = () => {
    setSpeakers('all');
    setDocs({});
    setPeople({});
    setCodedState('any');
  };

  const attributeGroup = (scope: 'document' | 'participant', state: Picked, set: (p: Picked) => void) =>
    choices
      .filter((c) => c.scope === scope)
      .map((c) => (
        <fieldset key={c.attributeId} className="search-attribute">
          <legend>{c.name}</legend>
          {c.values.map((v) => {
            const on = (state[c.attributeId] ?? []).includes(v);
            return (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => {
                    const list = state[c.attributeId] ?? [];
                    set({ ...state, [c.attributeId]: on ? list.filter((x) => x !== v) : [...list, v] });
                  }}
                />{' '}
                {v}
              </label>
            );
          })}
        </fieldset>
      ));

  return (
    <form role="search" className="search-form" onSubmit={submit} data-testid="search-form">
      <div className="search-line">
        <input
          className="search-query"
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.query')}
          maxLength={1000}
          autoFocus={!options.q}
          spellCheck={false}
        />
        <button type="submit">{t('search.submit')}</button>
        <label className="search-regex">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('search.regex')}
        </label>
      </div>
      <details className="search-filters" open={active > 0}>
        <summary>
          {t('search.filters')}
          {active > 0 && <span className="badge">{t('search.filtersActive', { n: active })}</span>}
        </summary>
        <div className="search-filter-grid">
          <fieldset className="search-attribute">
            <legend>{t('search.speakers')}</legend>
            <select value={speakers} onChange={(e) => setSpeakers(e.target.value as SpeakerFilter)} aria-label={t('search.speakers')}>
              <option value="all">{t('search.speakers.all')}</option>
              <option value="participants">{t('search.speakers.participants')}</option>
              <option value="moderator">{t('search.speakers.moderator')}</option>
            </select>
          </fieldset>
          <fieldset className="search-attribute">
            <legend>{t('search.codedFilter')}</legend>
            <select value={codedState} onChange={(e) => setCodedState(e.target.value as CodedState | 'any')} aria-label={t('search.codedFilter')}>
              <option value="any">{t('search.coded.any')}</option>
              <option value="coded">{t('search.coded.coded')}</option>
              <option value="uncoded">{t('search.coded.uncoded')}</option>
            </select>
            {codedState !== 'any' && (
              <select
                value={codedCode ?? ''}
                onChange={(e) => setCodedCode(e.target.value ? Number(e.target.value) : null)}
                aria-label={t('search.codeForFilter')}
              >
                <option value="">{t('search.autocode.chooseCode')}</option>
                {codes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.path}
                  </option>
                ))}
              </select>
            )}
          </fieldset>
        </div>
        {choices.some((c) => c.scope === 'document') && (
          <>
            <h3>{t('search.documentAttributes')}</h3>
            <div className="search-filter-grid">{attributeGroup('document', docs, setDocs)}</div>
          </>
        )}
        {choices.some((c) => c.scope === 'participant') && (
          <>
            <h3>{t('search.participantAttributes')}</h3>
            <div className="search-filter-grid">{attributeGroup('participant', people, setPeople)}</div>
          </>
        )}
        <p>
          <button type="button" className="link-button" onClick={clear}>
            {t('search.clearFilters')}
          </button>
        </p>
      </details>
      <details className="search-syntax">
        <summary>{t('search.syntax')}</summary>
        <dl>
          <dt>
            <code>петиция</code>
          </dt>
          <dd>{t('search.syntax.word')}</dd>
          <dt>
            <code>әкім*</code>
          </dt>
          <dd>{t('search.syntax.prefix')}</dd>
          <dt>
            <code>&quot;электронная петиция&quot;</code>
          </dt>
          <dd>{t('search.syntax.phrase')}</dd>
          <dt>
            <code>әкімдік AND e-Otinish</code>
          </dt>
          <dd>{t('search.syntax.and')}</dd>
          <dt>
            <code>петиция OR өтініш</code>
          </dt>
          <dd>{t('search.syntax.or')}</dd>
          <dt>
            <code>петиция NOT онлайн</code>
          </dt>
          <dd>{t('search.syntax.not')}</dd>
          <dt>
            <code>(әкім* OR акимат) NOT суд</code>
          </dt>
          <dd>{t('search.syntax.group')}</dd>
        </dl>
        <p className="muted">{t('search.syntax.regex')}</p>
      </details>
    </form>
  );
}
