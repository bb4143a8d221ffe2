import { requireProject } from '@/server/edge/session';
import { membersOfProject } from '@/db/queries/projects';
import { MembersEditor } from '@/components/MembersEditor';

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  return (
    <section className="page">
      <MembersEditor projectId={String(project.id)} members={await membersOfProject(db, project.id)} />
    </section>
  );
}
