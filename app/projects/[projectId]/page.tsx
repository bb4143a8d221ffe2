import Link from 'next/link';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { formatNumber } from '@/lib/i18n';
import { documentsForProject } from '@/db/queries/documents';

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db, role, user } = await requireProject(projectId);
  const t = await getT();
  // In blind mode a coder sees only their own progress, not how far others got.
  const ownOnly = role === 'coder' && project.blindMode;
  const docs = (await documentsForProject(db, project.id)).map((d) =>
    ownOnly ? { ...d, progress: d.progress.filter((p) => p.coderId === user.id) } : d,
  );
  return (
    <section className="page wide">
      {project.isDemo && (
        <p className="demo-notice" role="note">
          {t('demo.notice')}
        </p>
      )}
      <p className="muted">{t('docs.count', { n: docs.length })}</p>
      <table className="grid" data-testid="documents-table">
        <thead>
          <tr>
            <th>{t('docs.title')}</th>
            <th>{t('docs.city')}</th>
            <th>{t('docs.language')}</th>
            <th>{t('docs.date')}</th>
            <th className="num">{t('docs.participants')}</th>
            <th className="num">{t('docs.turns')}</th>
            <th className="num">{t('docs.words')}</th>
            <th>{t('docs.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/projects/${project.id}/documents/${d.id}`}>{d.title}</Link>
              </td>
              <td>{d.attributes.city ?? ''}</td>
              <td>{d.attributes.language ?? ''}</td>
              <td>{d.attributes.date ?? ''}</td>
              <td className="num">{d.participantCount}</td>
              <td className="num">{formatNumber(d.turnCount, t.locale)}</td>
              <td className="num">{formatNumber(d.wordCount, t.locale)}</td>
              <td>
                <ul className="progress">
                  {d.progress.map((p) => (
                    <li key={p.coderId} className={`status-${p.status ?? 'unassigned'}`}>
                      {p.coderName}: {t(`status.${p.status ?? 'unassigned'}`)}
                      {p.codings > 0 && <> · {t('progress.codings', { n: p.codings })}</>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
