'use client';
/**
 * Training rounds of the project (leads only): add, rename, move up, delete, and choose each
 * round's documents. A document is in at most one round: ticking it under a round takes it out
 * of the round it was in (the server does the same).
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changeRoundsAction } from '@/server/actions/training-rounds';
import { useI18n } from '../I18nProvider';

export interface RoundsEditorRound {
  id: number;
  name: string;
  documentIds: number[];
}

type Change =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; roundId: number; name: string }
  | { kind: 'delete'; roundId: number }
  | { kind: 'reorder'; roundIds: number[] }
  | { kind: 'documents'; roundId: number; documentIds: number[] };

export function RoundsEditor({ projectId, rounds, documents }: { projectId: string; rounds: RoundsEditorRound[]; documents: Array<{ id: number; title: string }> }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [newName, setNewName] = useState(`${t('agreement.rounds.defaultName')} ${rounds.length + 1}`);
  const roundOf = new Map(rounds.flatMap((r) => r.documentIds.map((d) => [d, r.id] as const)));

  const send = (change: Change) =>
    start(async () => {
      const r = await changeRoundsAction(projectId, change);
      setError(r.ok ? null : t('common.error', { message: r.error }));
      if (r.ok) router.refresh();
    });

  return (
    <div className="rounds-editor" data-testid="rounds-editor">
      {rounds.length === 0 && <p className="empty">{t('agreement.rounds.none')}</p>}
      {rounds.map((round, i) => (
        <fieldset key={round.id} data-testid={`round-${round.id}`}>
          <legend>{round.name}</legend>
          <p>
            <button type="button" disabled={pending} onClick={() => {
              const name = window.prompt(t('agreement.rounds.renamePrompt'), round.name);
              if (name && name.trim() && name !== round.name) send({ kind: 'rename', roundId: round.id, name });
            }}>
              {t('agreement.rounds.rename')}
            </button>{' '}
            <button type="button" disabled={pending || i === 0} onClick={() => {
              const ids = rounds.map((r) => r.id);
              [ids[i - 1], ids[i]] = [ids[i], ids[i - 1]];
              send({ kind: 'reorder', roundIds: ids });
            }}>
              {t('agreement.rounds.moveUp')}
            </button>{' '}
            <button type="button" disabled={pending} onClick={() => {
              if (window.confirm(t('agreement.rounds.deleteConfirm', { name: round.name }))) send({ kind: 'delete', roundId: round.id });
            }}>
              {t('agreement.rounds.delete')}
            </button>
          </p>
          <ul className="rounds-documents">
            {documents.map((d) => {
              const inRound = roundOf.get(d.id);
              const other = inRound !== undefined && inRound !== round.id ? rounds.find((r) => r.id === inRound) : undefined;
              return (
                <li key={d.id}>
                  <label>
                    <input
                      type="checkbox"
                      disabled={pending}
                      checked={inRound === round.id}
                      onChange={(e) => {
                        const ids = e.target.checked ? [...round.documentIds, d.id] : round.documentIds.filter((x) => x !== d.id);
                        send({ kind: 'documents', roundId: round.id, documentIds: ids });
                      }}
                    />{' '}
                    {d.title}
                    {other && <span className="muted"> ({t('agreement.rounds.inOther', { name: other.name })})</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (newName.trim()) send({ kind: 'create', name: newName });
        }}
      >
        <label>
          {t('agreement.rounds.newName')} <input value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={pending || !newName.trim()}>
          {t('agreement.rounds.add')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
