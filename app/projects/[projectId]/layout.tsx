import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { project, role } = await requireProject(projectId);
  const t = await getT();
  const base = `/projects/${project.id}`;
  return (
    <div className="project">
      <div className="project-head">
        <h1 className="project-name">{project.name}</h1>
        {project.isDemo && (
          <p className="demo-notice" role="note">
            <span className="badge demo">{t('demo.badge')}</span> {t('demo.notice')}
          </p>
        )}
        <nav className="tabs">
          <Link href={base}>{t('nav.overview')}</Link>
          <Link href={`${base}/participants`}>{t('nav.participants')}</Link>
          <Link href={`${base}/codebook`}>{t('nav.codebook')}</Link>
          <Link href={`${base}/search`}>{t('nav.search')}</Link>
          <Link href={`${base}/analysis`}>{t('nav.analysis')}</Link>
          <Link href={`${base}/export`}>{t('nav.export')}</Link>
          {role === 'coder' && <Link href={`${base}/my-documents`}>{t('nav.myDocuments')}</Link>}
          {role === 'lead' && <Link href={`${base}/agreement`}>{t('nav.agreement')}</Link>}
          {role === 'lead' && <Link href={`${base}/import`}>{t('nav.import')}</Link>}
          {role === 'lead' && <Link href={`${base}/members`}>{t('nav.members')}</Link>}
          <span className="role-chip">{t(`role.${role}`)}</span>
        </nav>
      </div>
      {children}
    </div>
  );
}
