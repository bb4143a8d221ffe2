'use client';
import { useEffect, useMemo, useRef, useState, useTransition, type CSSProperties, type DragEvent, type KeyboardEvent } from 'react';
import {
  createCodeAction,
  deleteCodeAction,
  mergeCodesAction,
  moveCodeAction,
  setCodeArchivedAction,
  updateCodeAction,
} from '@/server/actions/codebook';
import type { ActionResult } from '@/server/edge/action';
import { useI18n } from '../I18nProvider';
import { CodePanel, type PanelHandlers } from './CodePanel';
import { dropMove, dropZone, flatten, keyboardMove, placeAll, visibleIds, type DropZone, type KeyboardMove, type PlannedMove } from './tree';
import { totalCodings, type EditorCode, type LayerColumn } from './types';

const MOVE_KEYS: Record<string, KeyboardMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' };

/**
 * The lead's codebook editor: the code tree (a WAI-ARIA tree with roving focus) with coding
 * counts per layer, a form to add codes, and a side panel that edits the selected code.
 * Codes are reordered and nested by drag and drop, by Alt+arrow keys, or by the panel's
 * buttons. Every change is a server action; the page re-renders with the stored result.
 */
export function CodebookEditor({ projectId, tree, layers }: { projectId: string; tree: EditorCode[]; layers: LayerColumn[] }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [activeId, setActiveId] = useState<number | null>(tree[0]?.id ?? null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropHint, setDropHint] = useState<{ id: number; zone: DropZone } | null>(null);
  const items = useRef(new Map<number, HTMLLIElement>());
  /** Focus this code once the page re-renders with the stored change (its element may be new). */
  const focusAfterUpdate = useRef<{ id: number; tree: EditorCode[] } | null>(null);

  const placed = useMemo(() => placeAll(tree), [tree]);
  const active = activeId != null ? placed.get(activeId)?.node : undefined;
  const tabStop = active?.id ?? tree[0]?.id;

  useEffect(() => {
    const wanted = focusAfterUpdate.current;
    if (wanted && wanted.tree !== tree) {
      focusAfterUpdate.current = null;
      items.current.get(wanted.id)?.focus();
    }
  }, [tree]);

  /** Runs an action; on success shows `done` and calls `then` with the result. */
  const run = (action: () => Promise<ActionResult<number | void>>, done: string, then?: (id: number | undefined) => void) =>
    startTransition(async () => {
      const r = await action();
      if (r.ok) {
        setStatus({ ok: true, text: done });
        then?.(r.value ?? undefined);
      } else {
        focusAfterUpdate.current = null;
        setStatus({ ok: false, text: r.error });
      }
    });

  const focusCode = (id: number) => {
    setActiveId(id);
    items.current.get(id)?.focus();
  };

  const applyMove = (codeId: number, planned: PlannedMove | null) => {
    if (!planned || pending) return;
    if (planned.parentId != null) {
      // keep the moved code visible: open the code it goes into
      const parentId = planned.parentId;
      setCollapsed((c) => (c.has(parentId) ? new Set([...c].filter((x) => x !== parentId)) : c));
    }
    setActiveId(codeId);
    focusAfterUpdate.current = { id: codeId, tree };
    run(() => moveCodeAction(projectId, { codeId, ...planned }), t('codebookEditor.moved'));
  };

  const handlers: PanelHandlers = {
    save: (codeId, fields) => run(() => updateCodeAction(projectId, { codeId, ...fields }), t('common.saved')),
    move: (codeId, move) => applyMove(codeId, keyboardMove(tree, codeId, move)),
    setArchived: (codeId, archived) =>
      run(
        () => setCodeArchivedAction(projectId, { codeId, archived }),
        archived ? t('codebookEditor.archivedDone') : t('codebookEditor.restoredDone'),
      ),
    merge: (sourceId, targetId) => {
      const target = placed.get(targetId)?.node;
      run(() => mergeCodesAction(projectId, { sourceId, targetId }), t('codebookEditor.merged', { name: target?.name ?? '' }), () => {
        setActiveId(targetId);
        focusAfterUpdate.current = { id: targetId, tree };
      });
    },
    remove: (codeId, confirmCodings) =>
      run(() => deleteCodeAction(projectId, { codeId, confirmCodings }), t('codebookEditor.deleted'), () => {
        const at = placed.get(codeId);
        const next = at ? (at.siblings[at.index + 1] ?? at.siblings[at.index - 1])?.id ?? at.parentId : null;
        setActiveId(next ?? null);
        if (next != null) focusAfterUpdate.current = { id: next, tree };
      }),
  };

  const toggle = (id: number) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (!n.delete(id)) n.add(id);
      return n;
    });

  const onTreeKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const item = e.target as HTMLElement;
    if (item.getAttribute('role') !== 'treeitem') return;
    const id = Number(item.dataset.codeId);
    const at = placed.get(id);
    if (!at) return;
    if (e.altKey && MOVE_KEYS[e.key]) {
      e.preventDefault();
      applyMove(id, keyboardMove(tree, id, MOVE_KEYS[e.key]));
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const order = visibleIds(tree, collapsed);
    const i = order.indexOf(id);
    const hasChildren = at.node.children.length > 0;
    const isOpen = hasChildren && !collapsed.has(id);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = order[i + 1];
        break;
      case 'ArrowUp':
        next = order[i - 1];
        break;
      case 'Home':
        next = order[0];
        break;
      case 'End':
        next = order.at(-1);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(id);
        else if (isOpen) next = at.node.children[0].id;
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(id);
        else if (at.parentId != null) next = at.parentId;
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next != null) focusCode(next);
  };

  const dragTarget = (e: DragEvent<HTMLElement>, id: number) => {
    if (dragId == null) return null;
    const rect = e.currentTarget.getBoundingClientRect();
    const zone = dropZone(e.clientY - rect.top, rect.height);
    const planned = dropMove(tree, dragId, id, zone);
    return planned ? { zone, planned } : null;
  };

  const countsLabel = (c: EditorCode) =>
    [...layers.map((l) => `${l.label} ${c.counts[l.key] ?? 0}`), `${t('codebookEditor.total')} ${totalCodings(c)}`].join(', ');

  const renderCodes = (codes: EditorCode[], depth: number) =>
    codes.map((c, index) => {
      const open = c.children.length > 0 && !collapsed.has(c.id);
      const hint = dropHint?.id === c.id ? dropHint.zone : null;
      return (
        <li
          key={c.id}
          ref={(el) => {
            if (el) items.current.set(c.id, el);
            else items.current.delete(c.id);
          }}
          role="treeitem"
          aria-label={c.name}
          aria-description={countsLabel(c)}
          aria-level={depth + 1}
          aria-posinset={index + 1}
          aria-setsize={codes.length}
          aria-selected={c.id === active?.id}
          aria-expanded={c.children.length > 0 ? open : undefined}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowRight Alt+ArrowLeft"
          tabIndex={c.id === tabStop ? 0 : -1}
          data-code-id={c.id}
          data-testid="code-item"
          className={c.archived ? 'cbe-item archived' : 'cbe-item'}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setActiveId(c.id);
          }}
        >
          <div
            className={`cbe-row${c.id === active?.id ? ' selected' : ''}${hint ? ` drop-${hint}` : ''}${dragId === c.id ? ' dragging' : ''}`}
            draggable={!pending}
            onClick={() => focusCode(c.id)}
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', String(c.id));
              e.dataTransfer.effectAllowed = 'move';
              setDragId(c.id);
            }}
            onDragEnd={() => {
              setDragId(null);
              setDropHint(null);
            }}
            onDragOver={(e) => {
              const target = dragTarget(e, c.id);
              if (!target) {
                if (dropHint?.id === c.id) setDropHint(null);
                return;
              }
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropHint?.id !== c.id || dropHint.zone !== target.zone) setDropHint({ id: c.id, zone: target.zone });
            }}
            onDragLeave={() => {
              if (dropHint?.id === c.id) setDropHint(null);
            }}
            onDrop={(e) => {
              const target = dragTarget(e, c.id);
              e.preventDefault();
              const dragged = dragId;
              setDragId(null);
              setDropHint(null);
              if (target && dragged != null) applyMove(dragged, target.planned);
            }}
          >
            <span className="cbe-name" style={{ paddingLeft: `${depth * 1.25}rem` }}>
              <span
                className="cbe-toggle"
                aria-hidden
                title={c.children.length ? (open ? t('codebookEditor.collapse') : t('codebookEditor.expand')) : undefined}
                onClick={(e) => {
                  e.stopPropagation();
                  if (c.children.length) toggle(c.id);
                }}
              >
                {c.children.length ? (open ? '▾' : '▸') : ''}
              </span>
              <span className="swatch" style={{ background: c.color }} aria-hidden />
              <span className="code-name">{c.name}</span>
              {c.shortcut && <kbd title={t('codebook.shortcut')}>{c.shortcut}</kbd>}
              {c.archived && <span className="badge">{t('codebook.archived')}</span>}
            </span>
            {layers.map((l) => (
              <span key={l.key} className={`cbe-count${c.counts[l.key] ? '' : ' zero'}`} data-testid={`count-${l.key}`} title={l.label}>
                {c.counts[l.key] ?? 0}
              </span>
            ))}
            <span className="cbe-count total" data-testid="count-total" title={t('codebookEditor.total')}>
              {totalCodings(c)}
            </span>
          </div>
          {open && (
            <ul role="group" className="cbe-group">
              {renderCodes(c.children, depth + 1)}
            </ul>
          )}
        </li>
      );
    });

  const parents = flatten(tree);
  return (
    <div className="cbe" data-testid="codebook-editor" style={{ '--cbe-cols': layers.length + 1 } as CSSProperties}>
      <div className="cbe-main">
        <h2>{t('codebookEditor.heading')}</h2>
        <form
          className="inline-form"
          data-testid="new-code-form"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            const parent = String(data.get('parentId') ?? '');
            run(
              () => createCodeAction(projectId, { name: String(data.get('name') ?? ''), parentId: parent ? Number(parent) : null }),
              t('codebookEditor.created'),
              (id) => {
                form.reset();
                if (id != null) {
                  if (parent) setCollapsed((c) => new Set([...c].filter((x) => x !== Number(parent))));
                  setActiveId(id);
                  focusAfterUpdate.current = { id, tree };
                }
              },
            );
          }}
        >
          <input name="name" required maxLength={200} placeholder={t('codebookEditor.newCode')} aria-label={t('codebookEditor.newCodeName')} />
          <label className="cbe-inline-label">
            {t('codebookEditor.parent')}
            <select name="parentId" defaultValue="">
              <option value="">{t('codebookEditor.topLevel')}</option>
              {parents.map(({ node, depth }) => (
                <option key={node.id} value={node.id}>
                  {'\u00a0\u00a0'.repeat(depth) + node.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={pending}>
            {t('codebookEditor.add')}
          </button>
        </form>
        <p className="hint" id="cbe-keyboard-hint">
          {t('codebookEditor.keyboardHint')}
        </p>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'hint' : 'error'} data-testid="codebook-status">
            {status.text}
          </p>
        )}
        <div className="cbe-row cbe-head" aria-hidden>
          <span className="cbe-name">{t('codebookEditor.columnCode')}</span>
          {layers.map((l) => (
            <span key={l.key} className="cbe-count" title={l.label}>
              {l.label}
            </span>
          ))}
          <span className="cbe-count total">{t('codebookEditor.total')}</span>
        </div>
        {tree.length === 0 ? (
          <p className="empty">{t('codebook.empty')}</p>
        ) : (
          <ul
            role="tree"
            className="cbe-tree"
            aria-label={t('codebookEditor.tree')}
            aria-describedby="cbe-keyboard-hint"
            aria-busy={pending}
            data-testid="code-tree"
            onKeyDown={onTreeKeyDown}
          >
            {renderCodes(tree, 0)}
          </ul>
        )}
        <p className="hint">{t('codebookEditor.countsHint')}</p>
      </div>
      {active ? (
        <CodePanel
          key={`${active.id}:${JSON.stringify([active.name, active.color, active.description, active.inclusion, active.exclusion, active.example, active.shortcut, active.archived])}`}
          code={active}
          tree={tree}
          pending={pending}
          on={handlers}
        />
      ) : (
        <aside className="cbe-panel">
          <p className="empty">{t('codebookEditor.noSelection')}</p>
        </aside>
      )}
    </div>
  );
}
