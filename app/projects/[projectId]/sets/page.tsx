import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { setsOfProject } from '@/db/queries/item-sets';
import { exportCodes } from '@/db/queries/excerpts-export';
import { documentsForProject } from '@/db/queries/documents';
import { participantsForProject } from '@/db/queries/participants';
import { SetsEditor } from '@/components/sets/SetsEditor';

/** Code, document and participant sets of the project (leads only; anyone else gets "not found"), used as filters in analysis and export. */
export default async function SetsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  return (
    <section className="page wide">
      <h2>{t('sets.title')}</h2>
      <p className="hint">{t('sets.intro')}</p>
      <SetsEditor
        projectId={String(project.id)}
        analysisHref={`/projects/${project.id}/analysis`}
        sets={(await setsOfProject(db, project.id)).map((s) => ({ id: s.id, kind: s.kind, name: s.name, memberIds: s.memberIds }))}
        items={{
          code: (await exportCodes(db, project.id)).map((c) => ({ id: c.id, label: c.name, depth: c.depth })),
          document: (await documentsForProject(db, project.id)).map((d) => ({ id: d.id, label: d.title })),
          participant: (await participantsForProject(db, project.id)).map((p) => ({ id: p.id, label: p.label, note: p.documentTitle ?? undefined })),
        }}
      />
    </section>
  );
}
