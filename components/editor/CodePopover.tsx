'use client';
import type { Editor } from '@tiptap/react';
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { useI18n } from '../I18nProvider';
import type { EditorCode } from './types';

/**
 * The popover at the selection: type-ahead over the codebook (matching any part of a
 * code's path), recently used codes first, each code's shortcut shown. Enter applies the
 * highlighted code, Esc closes. Before anything is typed a parent code is never
 * highlighted (Enter would code the passage with the category rather than a code in it).
 */
export function CodePopover({
  editor,
  container,
  at,
  codes,
  recent,
  inputRef,
  onApply,
  onClose,
  canCreate,
  selectedText,
  onCreate,
}: {
  editor: Editor;
  container: RefObject<HTMLDivElement | null>;
  at: number;
  codes: EditorCode[];
  recent: number[];
  inputRef: RefObject<HTMLInputElement | null>;
  onApply: (codeIds: number[]) => void;
  onClose: () => void;
  /** May this user add codes from here (and code in vivo)? */
  canCreate: boolean;
  selectedText: string;
  onCreate: (name: string) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  // The option the user moved to; null until they do (then `index` below is the default).
  const [chosen, setIndex] = useState<number | null>(null);
  const [pos, setPos] = useState({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const c = editor.view.coordsAtPos(at);
    setPos({ top: c.bottom - box.top + 6, left: Math.max(0, Math.min(c.left - box.left, box.width - 320)) });
  }, [editor, at, container]);

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const usable = codes.filter((c) => !c.archived && (!q || c.path.toLocaleLowerCase().includes(q)));
    const rank = (c: EditorCode) => {
      const r = recent.indexOf(c.id);
      return r === -1 ? recent.length : r;
    };
    return usable.sort((a, b) => rank(a) - rank(b)).slice(0, 12);
  }, [codes, query, recent]);

  // Codes come in codebook order, each parent right before its children.
  const parents = useMemo(() => new Set(codes.filter((c, i) => (codes[i + 1]?.depth ?? -1) > c.depth).map((c) => c.id)), [codes]);
  const typed = query.trim();
  const offerNew = canCreate && typed.length > 0 && !codes.some((c) => c.name.toLocaleLowerCase() === typed.toLocaleLowerCase());
  const options = matches.length + (offerNew ? 1 : 0);
  const index = chosen ?? (typed || (matches[0] && !parents.has(matches[0].id)) ? 0 : -1);
  const apply = (code: EditorCode | undefined) => {
    if (code) onApply([code.id]);
    else if (offerNew && index === matches.length) onCreate(typed);
    else return;
    setQuery('');
  };
  const inVivo = selectedText.replace(/\s+/g, ' ').trim().slice(0, 80);

  return (
    <div className="code-popover" style={{ top: pos.top, left: pos.left }} data-testid="code-popover" onMouseDown={(e) => e.target !== inputRef.current && e.preventDefault()}>
      <input
        ref={inputRef}
        value={query}
        placeholder={t('editor.searchCodes')}
        aria-label={t('editor.searchCodes')}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setIndex(null);
        }}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setIndex(Math.min(index + 1, options - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex(Math.max(index - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            apply(matches[index]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <ul role="listbox" aria-label={t('editor.codes')}>
        {matches.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'selected' : undefined}
            onMouseEnter={() => setIndex(i)}
            onClick={() => apply(c)}
          >
            <span className="swatch" style={{ background: c.color }} aria-hidden />
            <span className="code-path">{c.path}</span>
            {c.shortcut && <kbd>{c.shortcut}</kbd>}
          </li>
        ))}
        {offerNew && (
          <li role="option" aria-selected={index === matches.length} className={index === matches.length ? 'selected create' : 'create'} onMouseEnter={() => setIndex(matches.length)} onClick={() => onCreate(typed)}>
            + {t('editor.createCode', { name: typed })}
          </li>
        )}
        {options === 0 && <li className="muted">{t('editor.noCodes')}</li>}
      </ul>
      {canCreate && inVivo && (
        <button type="button" className="link-button in-vivo" onClick={() => onCreate(inVivo)} title={t('editor.inVivoHelp')}>
          {t('editor.inVivo', { name: inVivo.length > 40 ? `${inVivo.slice(0, 40)}…` : inVivo })}
        </button>
      )}
    </div>
  );
}
