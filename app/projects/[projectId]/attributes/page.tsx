import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { attributeDefinitionsWithCounts } from '@/db/queries/attribute-definitions';
import { AttributeDefinitionsEditor } from '@/components/import/AttributeDefinitionsEditor';
import { ImportSubnav } from '@/components/import/ImportSubnav';

/** The lead's editor of attribute definitions (documents and participants). */
export default async function AttributesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const definitions = (await attributeDefinitionsWithCounts(db, project.id)).map((d) => ({
    id: d.id,
    scope: d.scope,
    name: d.name,
    type: d.type,
    values: d.values,
    bins: d.bins,
    private: d.private,
    valueCount: d.valueCount,
  }));
  return (
    <section className="page wide import-page">
      <ImportSubnav projectId={project.id} current="attributes" labels={{ import: t('imports.nav.import'), attributes: t('imports.nav.attributes'), documents: t('imports.nav.documents') }} />
      <h2>{t('imports.attr.title')}</h2>
      <AttributeDefinitionsEditor projectId={String(project.id)} definitions={definitions} />
    </section>
  );
}
