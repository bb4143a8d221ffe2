'use client';
import Link from 'next/link';
import type { Excerpt } from '@/lib/analysis/excerpts';
import { transcriptHref } from '@/lib/analysis/links';
import { useI18n } from '../I18nProvider';

const attributesText = (a: Record<string, string>) =>
  Object.entries(a)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');

/** One excerpt: the quote, who said it (with their attributes), where, who coded it, and a link into the transcript at it. */
export function ExcerptCard({ projectId, excerpt: e }: { projectId: number; excerpt: Excerpt }) {
  const { t } = useI18n();
  return (
    <article className="excerpt" data-testid="excerpt">
      <header>
        <span className="swatch" style={{ background: e.codeColor }} /> <strong>{e.codePath}</strong> · {e.documentTitle}
        {Object.keys(e.documentAttributes).length > 0 && <span className="muted"> ({attributesText(e.documentAttributes)})</span>}
        <span className="muted"> · {t('analysis.excerpts.turns', { list: e.turns.join(', ') })}</span>
      </header>
      <blockquote className="excerpt-quote">{e.quote}</blockquote>
      <p className="speakers">
        {e.participants.length === 0 ? (
          <span className="muted">{t('analysis.excerpts.nobody')}</span>
        ) : (
          e.participants.map((p, i) => (
            <span key={p.participantId}>
              {i > 0 && '; '}
              <strong>{p.label}</strong>
              {Object.keys(p.attributes).length > 0 && <> ({attributesText(p.attributes)})</>}
            </span>
          ))
        )}
      </p>
      <footer>
        <span className="muted">{t('analysis.excerpts.coders', { names: e.coders.map((c) => c.name).join(', ') })}</span>{' '}
        <Link href={transcriptHref(projectId, e.documentId, e.codingId, e.layerKeys)}>{t('analysis.excerpts.open')}</Link>
      </footer>
    </article>
  );
}

export function ExcerptList({ projectId, excerpts }: { projectId: number; excerpts: Excerpt[] }) {
  const { t } = useI18n();
  if (excerpts.length === 0) return <p className="empty">{t('analysis.excerpts.empty')}</p>;
  return (
    <div className="excerpts" data-testid="excerpts">
      {excerpts.map((e) => (
        <ExcerptCard key={e.codingId} projectId={projectId} excerpt={e} />
      ))}
    </div>
  );
}
