'use client';
import { useMemo, useState } from 'react';
import { binOf } from '@/lib/attributes/bins';
import { useI18n } from './I18nProvider';
import type { AttributeBin, AttributeType } from '@/lib/attributes/types';
import type { ParticipantSummary } from '@/lib/attributes/participants';

interface AttributeColumn {
  name: string;
  type: AttributeType;
  values: string[];
  bins: AttributeBin[];
}

type SortKey = 'label' | 'group' | 'turns' | 'words' | `attr:${string}`;
const MISSING = '\u0000missing';

/** Participants, sortable by any column and filterable by any attribute (by bin for numbers). */
export function ParticipantsTable({
  participants,
  attributes,
}: {
  participants: ParticipantSummary[];
  attributes: AttributeColumn[];
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'group', desc: false });
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');

  // A filter option is a category value, or a bin label for a binned number.
  const filterValue = (p: ParticipantSummary, a: AttributeColumn): string => {
    const raw = p.attributes[a.name];
    if (raw == null || raw === '') return MISSING;
    if (a.type === 'number' && a.bins.length) return binOf(Number(raw), a.bins) ?? raw;
    return raw;
  };
  const options = (a: AttributeColumn): string[] => {
    if (a.type === 'number' && a.bins.length) return a.bins.map((b) => b.label);
    if (a.values.length) return a.values;
    return [...new Set(participants.map((p) => p.attributes[a.name]).filter(Boolean))].sort();
  };

  const rows = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const kept = participants.filter(
      (p) =>
        (!q || p.label.toLocaleLowerCase().includes(q) || (p.documentTitle ?? '').toLocaleLowerCase().includes(q)) &&
        attributes.every((a) => !filters[a.name] || filterValue(p, a) === filters[a.name]),
    );
    const value = (p: ParticipantSummary): string | number => {
      switch (sort.key) {
        case 'label':
          return p.label;
        case 'group':
          return p.documentTitle ?? '';
        case 'turns':
          return p.turnCount;
        case 'words':
          return p.wordCount;
        default: {
          const a = attributes.find((x) => `attr:${x.name}` === sort.key);
          const raw = a ? p.attributes[a.name] : undefined;
          return a?.type === 'number' && raw != null ? Number(raw) : (raw ?? '');
        }
      }
    };
    return kept.sort((x, y) => {
      const a = value(x);
      const b = value(y);
      const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
      return sort.desc ? -c : c;
    });
  }, [participants, attributes, filters, query, sort]);

  const header = (key: SortKey, label: string, num = false) => (
    <th className={num ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  return (
    <>
      <div className="filters">
        <input
          type="search"
          placeholder={t('participants.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('participants.search')}
        />
        {attributes.map((a) => (
          <label key={a.name}>
            {a.name}
            <select
              value={filters[a.name] ?? ''}
              onChange={(e) => setFilters({ ...filters, [a.name]: e.target.value })}
              aria-label={`${t('participants.filter')}: ${a.name}`}
            >
              <option value="">{t('participants.filterAll')}</option>
              {options(a).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
              <option value={MISSING}>{t('participants.missing')}</option>
            </select>
          </label>
        ))}
      </div>
      <p className="muted" data-testid="participants-count">
        {t('participants.shown', { shown: rows.length, total: participants.length })}
      </p>
      <table className="grid" data-testid="participants-table">
        <thead>
          <tr>
            {header('label', t('participants.label'))}
            {header('group', t('participants.group'))}
            {attributes.map((a) => header(`attr:${a.name}`, a.name, a.type === 'number'))}
            {header('turns', t('participants.turns'), true)}
            {header('words', t('participants.words'), true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>{p.label}</td>
              <td>{p.documentTitle}</td>
              {attributes.map((a) => (
                <td key={a.name} className={a.type === 'number' ? 'num' : undefined}>
                  {p.attributes[a.name] ?? <span className="muted">{t('participants.missing')}</span>}
                </td>
              ))}
              <td className="num">{p.turnCount}</td>
              <td className="num">{p.wordCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
