import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';

export default async function AnalysisLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await requireProject(projectId);
  const t = await getT();
  const base = `/projects/${project.id}/analysis`;
  return (
    <div className="analysis">
      <nav className="subtabs" aria-label={t('nav.analysis')}>
        <Link href={base}>{t('analysis.tab.frequencies')}</Link>
        <Link href={`${base}/cooccurrence`}>{t('analysis.tab.cooccurrence')}</Link>
        <Link href={`${base}/case-matrix`}>{t('analysis.tab.caseMatrix')}</Link>
      </nav>
      {children}
    </div>
  );
}
