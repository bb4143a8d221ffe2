import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { assignmentGrid } from '@/db/queries/assignments';
import { AgreementNav } from '@/components/agreement/AgreementNav';
import { AssignmentGrid } from '@/components/agreement/AssignmentGrid';

const STATUSES = ['not_started', 'in_progress', 'done'] as const;

/** Leads assign documents to coders and follow their progress. */
export default async function AssignmentsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const grid = await assignmentGrid(db, project.id);
  const perCoder = grid.coders.map((c) => {
    const own = grid.cells.filter((x) => x.coderId === c.id);
    return {
      ...c,
      assigned: own.length,
      byStatus: Object.fromEntries(STATUSES.map((s) => [s, own.filter((x) => x.status === s).length])) as Record<(typeof STATUSES)[number], number>,
      codings: own.reduce((n, x) => n + x.codings, 0),
    };
  });
  return (
    <section className="page wide agreement">
      <AgreementNav projectId={project.id} current="assignments" t={t} />
      <h2>{t('assign.title')}</h2>
      <p className="hint">{t('assign.help')}</p>
      <h3>{t('assign.perCoder')}</h3>
      <table className="grid assignment-progress" data-testid="assignment-progress">
        <thead>
          <tr>
            <th>{t('assign.coder')}</th>
            <th className="num">{t('assign.assigned')}</th>
            {STATUSES.map((s) => (
              <th key={s} className="num">
                {t(`status.${s}`)}
              </th>
            ))}
            <th className="num">{t('agreement.col.codings')}</th>
          </tr>
        </thead>
        <tbody>
          {perCoder.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td className="num">{c.assigned}</td>
              {STATUSES.map((s) => (
                <td key={s} className={`num status-${s}`}>
                  {c.byStatus[s]}
                </td>
              ))}
              <td className="num">{c.codings}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('assign.perDocument')}</h3>
      <AssignmentGrid
        projectId={String(project.id)}
        documents={grid.documents}
        coders={grid.coders.map((c) => ({ id: c.id, name: c.name }))}
        cells={grid.cells.map((c) => ({ documentId: c.documentId, coderId: c.coderId, status: c.status, codings: c.codings }))}
      />
    </section>
  );
}
