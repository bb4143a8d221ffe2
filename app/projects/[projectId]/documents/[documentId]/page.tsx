import Link from 'next/link';
import { notFound } from 'next/navigation';
import { idParam, requireProject } from '@/app/_server/session';
import { getT } from '@/app/_server/i18n';
import { documentWithTurns } from '@/db/queries/documents';
import { TranscriptView } from '@/components/transcript/TranscriptView';

export default async function DocumentPage({
  params,
}: {
  params: Promise<{ projectId: string; documentId: string }>;
}) {
  const { projectId, documentId } = await params;
  const { project, db } = await requireProject(projectId);
  const t = await getT();
  const doc = documentWithTurns(db, project.id, idParam(documentId));
  if (!doc) notFound();
  const words = doc.turns.reduce((n, turn) => n + (turn.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  return (
    <section className="page document">
      <p>
        <Link href={`/projects/${project.id}`}>← {t('doc.back')}</Link>
      </p>
      <h2>{doc.title}</h2>
      <p className="muted">
        {Object.entries(doc.attributes)
          .map(([k, v]) => `${k}: ${v}`)
          .join(' · ')}{' '}
        · {t('doc.turnCount', { n: doc.turns.length })} · {t('doc.wordCount', { n: words })}
      </p>
      <TranscriptView
        turns={doc.turns}
        participants={doc.participants}
        labels={{ moderator: t('doc.moderator'), unknown: t('doc.unknown') }}
      />
    </section>
  );
}
