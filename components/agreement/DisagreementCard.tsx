/**
 * One disagreement: its code, why it is one, each coder's ranges in that coder's colour, what
 * the consensus holds there now, how it was resolved, and (as `children`) the lead's actions.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PassagePiece } from '@/lib/agreement/passage';
import type { Translate } from '@/lib/i18n';
import { PassageTrack } from './PassageTrack';

export interface CoderTrack {
  coder: string;
  name: string;
  color: string;
  pieces: PassagePiece[];
  coded: boolean;
}

export function DisagreementCard({
  disagreementKey,
  code,
  range,
  reasons,
  tracks,
  consensus,
  editorLink,
  status,
  t,
  children,
}: {
  disagreementKey: string;
  code: { path: string; color: string };
  range: { start: number; end: number };
  reasons: string[];
  tracks: CoderTrack[];
  consensus: { pieces: PassagePiece[]; empty: boolean };
  editorLink: string;
  status: string;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <article className="disagreement" data-testid="disagreement" data-key={disagreementKey}>
      <header>
        <span className="swatch" style={{ background: code.color }} /> <strong>{code.path}</strong>{' '}
        <span className="muted">
          [{range.start}–{range.end})
        </span>{' '}
        <Link href={editorLink} data-testid="show-in-editor">
          {t('review.showInEditor')}
        </Link>
      </header>
      <ul className="hint">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {tracks.map((c) => (
        <PassageTrack key={c.coder} testId={`track-coder-${c.coder}`} label={c.name} color={c.color} pieces={c.pieces} empty={c.coded ? undefined : t('review.notCoded')} />
      ))}
      <PassageTrack
        testId="track-consensus"
        label={t('review.consensusNow')}
        color="#1d2330"
        pieces={consensus.pieces}
        empty={consensus.empty ? t('review.consensusEmpty') : undefined}
      />
      <p className="review-status" data-testid="review-status">
        {status}
      </p>
      {children}
    </article>
  );
}
