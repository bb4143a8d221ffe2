import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { AgreementNav } from '@/components/agreement/AgreementNav';
import { BlindModeToggle } from '@/components/agreement/BlindModeToggle';
import { CodeCreationToggle } from '@/components/agreement/CodeCreationToggle';

/** Project settings for leads: blind mode, and whether coders may add codes. */
export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await requireProject(projectId, ['lead']);
  const t = await getT();
  return (
    <section className="page agreement">
      <AgreementNav projectId={project.id} current="settings" t={t} />
      <h2>{t('projectSettings.title')}</h2>
      <BlindModeToggle projectId={String(project.id)} blindMode={project.blindMode} />
      <p className="hint">{t('projectSettings.leads')}</p>
      <CodeCreationToggle projectId={String(project.id)} allowed={project.codersMayCreateCodes} />
    </section>
  );
}
