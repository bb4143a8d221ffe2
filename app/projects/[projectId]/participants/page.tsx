import { requireProject } from '@/server/edge/session';
import { attributeDefinitionsFor } from '@/db/queries/attributes';
import { participantsForProject } from '@/db/queries/participants';
import { ParticipantsTable } from '@/components/ParticipantsTable';

export default async function ParticipantsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId);
  const attributes = (await attributeDefinitionsFor(db, project.id, 'participant')).map((a) => ({
    name: a.name,
    type: a.type,
    values: a.values,
    bins: a.bins,
  }));
  return (
    <section className="page wide">
      <ParticipantsTable participants={await participantsForProject(db, project.id)} attributes={attributes} />
    </section>
  );
}
