import Link from 'next/link';
import { requireUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { getDb } from '@/db/client';
import { projectsForUser } from '@/db/queries/projects';

export default async function ProjectsPage() {
  const user = await requireUser();
  const t = await getT();
  const projects = await projectsForUser(getDb(), user.id);
  return (
    <div className="page">
      <h1>{t('projects.title')}</h1>
      {projects.length === 0 && <p className="empty">{t('projects.empty')}</p>}
      <ul className="cards">
        {projects.map((p) => (
          <li key={p.id} className="card">
            <Link href={`/projects/${p.id}`} className="card-title">
              {p.name}
            </Link>
            {p.isDemo && <span className="badge demo">{t('demo.badge')}</span>}
            <p className="muted">
              {t(`role.${p.role}`)} · {t('projects.documents', { n: p.documentCount })} ·{' '}
              {t('projects.participants', { n: p.participantCount })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
