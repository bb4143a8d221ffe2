import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { myDocuments } from '@/db/queries/assignments';
import { MyDocumentsTable } from '@/components/agreement/MyDocumentsTable';

/** The documents assigned to the signed-in coder (or lead who codes), with their status. */
export default async function MyDocumentsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db, user } = await requireProject(projectId, ['lead', 'coder']);
  const t = await getT();
  const docs = await myDocuments(db, project.id, user.id);
  return (
    <section className="page">
      <h2>{t('myDocs.title')}</h2>
      {docs.length === 0 ? (
        <p className="empty">{t('myDocs.none')}</p>
      ) : (
        <>
          <p className="muted">{t('myDocs.summary', { done: docs.filter((d) => d.status === 'done').length, total: docs.length })}</p>
          <MyDocumentsTable projectId={String(project.id)} documents={docs} />
        </>
      )}
    </section>
  );
}
