import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { documentAttributeTable } from '@/db/queries/attribute-definitions';
import { DocumentAttributesTable } from '@/components/import/DocumentAttributesTable';
import { ImportSubnav } from '@/components/import/ImportSubnav';

/** The lead's bulk editor of document attributes: documents × attributes, one save. */
export default async function DocumentAttributesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const table = await documentAttributeTable(db, project.id);
  return (
    <section className="page wide import-page">
      <ImportSubnav projectId={project.id} current="documents" labels={{ import: t('imports.nav.import'), attributes: t('imports.nav.attributes'), documents: t('imports.nav.documents') }} />
      <h2>{t('imports.table.title')}</h2>
      <p className="hint">{t('imports.table.help')}</p>
      <DocumentAttributesTable
        projectId={String(project.id)}
        definitions={table.definitions.map((d) => ({ id: d.id, name: d.name, type: d.type, values: d.values }))}
        documents={table.documents}
      />
    </section>
  );
}
