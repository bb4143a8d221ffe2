import Link from 'next/link';
import { requireUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { ProjectImportForm } from '@/components/export/ProjectImportForm';

/** Any signed-in user imports a REFI-QDA project as a new project they lead. */
export default async function ImportProjectPage() {
  await requireUser();
  const t = await getT();
  return (
    <div className="page">
      <p>
        <Link href="/">{t('nav.projects')}</Link>
      </p>
      <h1>{t('exports.import.title')}</h1>
      <p className="hint">{t('exports.import.intro')}</p>
      <ProjectImportForm />
    </div>
  );
}
