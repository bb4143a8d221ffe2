'use client';
/**
 * The project's sets (leads only): code sets picked from the codebook tree, document sets and
 * participant sets, each created by name, renamed, refilled by ticking members, and deleted.
 * Every change goes to the server at once (changeSetsAction) and the page is read again.
 * The analysis and export screens filter by these sets (set=<id>).
 */
import { useRouter } from 'next/navigation';
import { useOptimistic, useState, useTransition } from 'react';
import { changeSetsAction } from '@/server/actions/item-sets';
import { useI18n } from '../I18nProvider';

export type SetKind = 'code' | 'document' | 'participant';

export interface SetsEditorSet {
  id: number;
  kind: SetKind;
  name: string;
  memberIds: number[];
}

/** A member that can be ticked: a code (with its depth in the tree), a document, a participant. */
export interface SetsEditorItem {
  id: number;
  label: string;
  depth?: number;
  /** A muted note after the label (a participant's document). */
  note?: string;
}

type Change =
  | { kind: 'create'; setKind: SetKind; name: string; memberIds: number[] }
  | { kind: 'rename'; setId: number; name: string }
  | { kind: 'members'; setId: number; memberIds: number[] }
  | { kind: 'delete'; setId: number };

const KINDS: SetKind[] = ['code', 'document', 'participant'];

export function SetsEditor({ projectId, sets, items, analysisHref }: { projectId: string; sets: SetsEditorSet[]; items: Record<SetKind, SetsEditorItem[]>; analysisHref: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [names, setNames] = useState<Record<SetKind, string>>({ code: '', document: '', participant: '' });
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number, on: boolean) => setOpen((o) => (on === o.has(id) ? o : new Set(on ? [...o, id] : [...o].filter((x) => x !== id))));
  // A ticked member shows at once; the server's answer (and the refreshed page) follows.
  const [shown, showMembers] = useOptimistic(sets, (state, m: { setId: number; memberIds: number[] }) => state.map((x) => (x.id === m.setId ? { ...x, memberIds: m.memberIds } : x)));

  const send = (change: Change) =>
    start(async () => {
      if (change.kind === 'members') showMembers({ setId: change.setId, memberIds: change.memberIds });
      const r = await changeSetsAction(projectId, change);
      setError(r.ok ? null : t('common.error', { message: r.error }));
      if (!r.ok) return;
      if (change.kind === 'create') {
        const made = r.value.find((s) => s.kind === change.setKind && s.name === change.name.trim());
        if (made) toggle(made.id, true);
        setNames((n) => ({ ...n, [change.setKind]: '' }));
      }
      router.refresh();
    });

  return (
    <div className="sets-editor" data-testid="sets-editor">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {KINDS.map((kind) => {
        const ofKind = shown.filter((s) => s.kind === kind);
        const all = items[kind];
        const label = new Map(all.map((i) => [i.id, i.label]));
        return (
          <section key={kind} className="sets-kind" data-testid={`sets-${kind}`}>
            <h3>{t(`sets.${kind}.title`)}</h3>
            <p className="hint">{t(`sets.${kind}.hint`)}</p>
            {ofKind.length === 0 && <p className="empty">{t('sets.none')}</p>}
            {ofKind.map((set) => {
              const memberNames = set.memberIds.map((id) => label.get(id) ?? `#${id}`);
              return (
                <details key={set.id} className="set-card" open={open.has(set.id)} data-testid={`set-${set.id}`} onToggle={(e) => toggle(set.id, e.currentTarget.open)}>
                  <summary>
                    <strong>{set.name}</strong> <span className="muted">· {t(`sets.${kind}.count`, { n: set.memberIds.length })}</span>
                    {memberNames.length > 0 && <span className="muted set-preview"> — {memberNames.slice(0, 6).join(', ')}{memberNames.length > 6 ? ', …' : ''}</span>}
                  </summary>
                  <p className="set-actions">
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => {
                        const name = window.prompt(t('sets.renamePrompt'), set.name);
                        if (name && name.trim() && name.trim() !== set.name) send({ kind: 'rename', setId: set.id, name });
                      }}
                    >
                      {t('sets.rename')}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(t('sets.deleteConfirm', { name: set.name }))) send({ kind: 'delete', setId: set.id });
                      }}
                    >
                      {t('sets.delete')}
                    </button>{' '}
                    <button type="button" disabled={pending || set.memberIds.length === all.length} onClick={() => send({ kind: 'members', setId: set.id, memberIds: all.map((i) => i.id) })}>
                      {t('sets.selectAll')}
                    </button>{' '}
                    <button type="button" disabled={pending || set.memberIds.length === 0} onClick={() => send({ kind: 'members', setId: set.id, memberIds: [] })}>
                      {t('sets.selectNone')}
                    </button>{' '}
                    <a href={`${analysisHref}?set=${set.id}`}>{t('sets.analyse')}</a>
                  </p>
                  {all.length === 0 ? (
                    <p className="empty">{t(`sets.${kind}.nothing`)}</p>
                  ) : (
                    <ul className="set-members" aria-label={t('sets.members', { name: set.name })}>
                      {all.map((item) => (
                        <li key={item.id} style={item.depth ? { paddingInlineStart: `${item.depth * 1.25}rem` } : undefined}>
                          <label>
                            <input
                              type="checkbox"
                              disabled={pending}
                              checked={set.memberIds.includes(item.id)}
                              onChange={(e) => {
                                const ids = e.target.checked ? [...set.memberIds, item.id] : set.memberIds.filter((x) => x !== item.id);
                                send({ kind: 'members', setId: set.id, memberIds: ids });
                              }}
                            />{' '}
                            {item.label}
                            {item.note && <span className="muted"> · {item.note}</span>}
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              );
            })}
            <form
              className="set-create"
              onSubmit={(e) => {
                e.preventDefault();
                if (names[kind].trim()) send({ kind: 'create', setKind: kind, name: names[kind], memberIds: [] });
              }}
            >
              <label>
                {t(`sets.${kind}.new`)}{' '}
                <input type="text" value={names[kind]} maxLength={200} onChange={(e) => setNames({ ...names, [kind]: e.target.value })} data-testid={`new-set-${kind}`} />
              </label>{' '}
              <button type="submit" disabled={pending || !names[kind].trim()}>
                {t('sets.create')}
              </button>
            </form>
          </section>
        );
      })}
    </div>
  );
}
