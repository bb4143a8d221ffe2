import { ProjectTabs } from '@/components/ProjectTabs';
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
        <div className="project-title-row">
          <h1 className="project-name">{project.name}</h1>
          {project.isDemo && (
            // The badge on every page of the project; the sentence explaining it in its title and to screen readers.
            <span className="badge demo" role="note" title={t('demo.notice')}>
              {t('demo.badge')}
              <span className="visually-hidden"> {t('demo.notice')}</span>
            </span>
          )}
        </div>
        <div className="tabs-row">
          <ProjectTabs
            base={base}
            label={t('nav.projectTabs')}
            tabs={[
              { href: base, label: t('nav.overview') },
              { href: `${base}/participants`, label: t('nav.participants') },
              { href: `${base}/codebook`, label: t('nav.codebook') },
              { href: `${base}/search`, label: t('nav.search') },
              { href: `${base}/analysis`, label: t('nav.analysis') },
              { href: `${base}/export`, label: t('nav.export') },
              ...(role === 'coder' ? [{ href: `${base}/my-documents`, label: t('nav.myDocuments') }] : []),
              ...(role === 'lead'
                ? [
                    { href: `${base}/agreement`, label: t('nav.agreement') },
                    { href: `${base}/sets`, label: t('nav.sets') },
                    { href: `${base}/import`, label: t('nav.import') },
                    { href: `${base}/members`, label: t('nav.members') },
                  ]
                : []),
            ]}
          />
          <span className="role-chip">{t(`role.${role}`)}</span>
        </div>
      </div>
      {children}
    </div>
  );
}
