'use client';
import { useMemo } from 'react';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import { useI18n } from '../I18nProvider';
import type { EditorCode } from './types';

/** Codes with their counts in this document; show only chosen codes; next/previous coding of a code. */
export function CodesSidebar({
  codes,
  codings,
  shown,
  onShownChange,
  onNavigate,
}: {
  codes: EditorCode[];
  codings: EditorCoding[];
  shown: Set<number> | null;
  onShownChange: (s: Set<number> | null) => void;
  onNavigate: (codeId: number, direction: 1 | -1) => void;
}) {
  const { t } = useI18n();
  const counts = useMemo(() => {
    const m = new Map<number, number>();
    for (const c of codings) m.set(c.codeId, (m.get(c.codeId) ?? 0) + 1);
    return m;
  }, [codings]);
  const toggle = (id: number) => {
    const next = new Set(shown ?? codes.map((c) => c.id));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onShownChange(next.size === codes.length ? null : next);
  };
  return (
    <nav className="codes-sidebar" aria-label={t('editor.codes')}>
      <div className="sidebar-head">
        <strong>{t('editor.codes')}</strong>
        <button type="button" className="link-button" onClick={() => onShownChange(null)}>
          {t('editor.showAll')}
        </button>
        <button type="button" className="link-button" onClick={() => onShownChange(new Set())}>
          {t('editor.showNone')}
        </button>
      </div>
      <ul>
        {codes
          .filter((c) => !c.archived || counts.has(c.id))
          .map((c) => {
            const n = counts.get(c.id) ?? 0;
            return (
              <li key={c.id} style={{ paddingLeft: c.depth * 12 }} data-code={c.id}>
                <input
                  type="checkbox"
                  checked={!shown || shown.has(c.id)}
                  onChange={() => toggle(c.id)}
                  aria-label={`${t('editor.show')}: ${c.name}`}
                />
                <span className="swatch" style={{ background: c.color }} aria-hidden />
                <span className="code-name" title={c.path}>
                  {c.name}
                </span>
                {c.shortcut && <kbd>{c.shortcut}</kbd>}
                <span className="count" data-testid={`count-${c.id}`}>
                  {n}
                </span>
                {n > 0 && (
                  <span className="nav">
                    <button type="button" className="link-button" aria-label={`${t('editor.previous')}: ${c.name}`} onClick={() => onNavigate(c.id, -1)}>
                      ‹
                    </button>
                    <button type="button" className="link-button" aria-label={`${t('editor.next')}: ${c.name}`} onClick={() => onNavigate(c.id, 1)}>
                      ›
                    </button>
                  </span>
                )}
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
