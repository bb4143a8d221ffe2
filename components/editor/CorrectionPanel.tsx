'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { correctTranscriptAction } from '@/server/actions/corrections';
import { useI18n } from '../I18nProvider';

export interface CorrectionTurn {
  speakerKind: 'participant' | 'moderator' | 'unknown';
  participantId: number | null;
  speaker: string;
  text: string;
}

type Op =
  | { op: 'edit'; index: number; text: string }
  | { op: 'speaker'; index: number; speakerKind: 'participant' | 'moderator' | 'unknown'; participantId: number | null; speakerLabel: string }
  | { op: 'split'; index: number; at: number }
  | { op: 'merge'; index: number };

/**
 * The lead's correction mode: fix a turn's text, reassign its speaker, split it at the
 * cursor or merge it with the next. Each change is saved at once and codings follow it.
 */
export function CorrectionPanel({
  projectId,
  documentId,
  version,
  turns,
  participants,
}: {
  projectId: string;
  documentId: number;
  version: number;
  turns: CorrectionTurn[];
  participants: Array<{ id: number; label: string }>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const area = useRef<HTMLTextAreaElement>(null);

  const run = (op: Op) =>
    start(async () => {
      const r = await correctTranscriptAction(projectId, { documentId, version, op });
      if (!r.ok) {
        setMessage(t('common.error', { message: r.error }));
        return;
      }
      setMessage(t('correct.saved', { remapped: r.value.remapped, flagged: r.value.flagged }));
      setEditing(null);
      router.refresh();
    });

  const speakerValue = (x: CorrectionTurn) => (x.speakerKind === 'participant' ? `p:${x.participantId}` : x.speakerKind);

  return (
    <div className="correction" data-testid="correction-panel">
      <p className="hint">{t('correct.help')}</p>
      {message && <p role="status">{message}</p>}
      <ol className="correction-turns">
        {turns.map((x, i) => (
          <li key={`${version}:${i}`} data-turn-index={i}>
            <select
              aria-label={t('correct.speaker', { n: i + 1 })}
              value={speakerValue(x)}
              disabled={pending}
              onChange={(e) => {
                const v = e.target.value;
                const p = v.startsWith('p:') ? participants.find((q) => q.id === Number(v.slice(2))) : undefined;
                run({
                  op: 'speaker',
                  index: i,
                  speakerKind: p ? 'participant' : (v as 'moderator' | 'unknown'),
                  participantId: p?.id ?? null,
                  speakerLabel: p?.label ?? (v === 'moderator' ? 'Модератор' : ''),
                });
              }}
            >
              <option value="moderator">{t('doc.moderator')}</option>
              <option value="unknown">{t('doc.unknown')}</option>
              {participants.map((p) => (
                <option key={p.id} value={`p:${p.id}`}>
                  {p.label}
                </option>
              ))}
            </select>
            {editing === i ? (
              <div className="correction-edit">
                <textarea ref={area} defaultValue={x.text} rows={Math.min(8, Math.ceil(x.text.length / 90) + 1)} aria-label={t('correct.text', { n: i + 1 })} />
                <div className="actions">
                  <button type="button" disabled={pending} onClick={() => run({ op: 'edit', index: i, text: area.current?.value ?? x.text })}>
                    {t('correct.save')}
                  </button>
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => run({ op: 'split', index: i, at: area.current?.selectionStart ?? 0 })}
                    title={t('correct.splitHelp')}
                  >
                    {t('correct.split')}
                  </button>
                  <button type="button" className="link-button" onClick={() => setEditing(null)}>
                    {t('editor.close')}
                  </button>
                </div>
              </div>
            ) : (
              <p className="correction-text" onDoubleClick={() => setEditing(i)}>
                {x.text}
              </p>
            )}
            <span className="correction-actions">
              {editing !== i && (
                <button type="button" className="link-button" onClick={() => setEditing(i)}>
                  {t('correct.edit')}
                </button>
              )}
              {i < turns.length - 1 && (
                <button type="button" className="link-button" disabled={pending} onClick={() => run({ op: 'merge', index: i })}>
                  {t('correct.merge')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
