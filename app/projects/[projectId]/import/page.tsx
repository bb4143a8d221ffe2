import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { serverUploadLimits } from '@/server/edge/uploads';
import { attributeDefinitionsFor } from '@/db/queries/attributes';
import { importGroups } from '@/db/queries/imports';
import { ImportSubnav } from '@/components/import/ImportSubnav';
import { RosterImport } from '@/components/import/RosterImport';
import { TranscriptImport } from '@/components/import/TranscriptImport';

/** The lead's import screen: transcripts, a participant roster, and transcripts to download. */
export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const limits = serverUploadLimits();
  const groups = await importGroups(db, project.id);
  const definitions = (await attributeDefinitionsFor(db, project.id, 'document')).map((d) => ({ id: d.id, name: d.name, type: d.type, values: d.values }));
  const api = `/api/v1/projects/${project.id}/documents`;
  return (
    <section className="page wide import-page">
      <ImportSubnav projectId={project.id} current="import" labels={{ import: t('imports.nav.import'), attributes: t('imports.nav.attributes'), documents: t('imports.nav.documents') }} />
      <h2>{t('imports.transcripts.title')}</h2>
      <TranscriptImport projectId={String(project.id)} perFileLimit={limits.perFile} groups={groups} definitions={definitions} />
      <h2>{t('imports.roster.title')}</h2>
      <RosterImport projectId={String(project.id)} perFileLimit={limits.perFile} />
      <h2>{t('imports.downloads.title')}</h2>
      <p className="hint">{t('imports.downloads.help')}</p>
      {groups.length === 0 ? (
        <p className="empty">{t('imports.downloads.none')}</p>
      ) : (
        <table className="grid" data-testid="transcript-downloads">
          <thead>
            <tr>
              <th>{t('docs.title')}</th>
              <th className="num">{t('docs.turns')}</th>
              <th className="num">{t('docs.participants')}</th>
              <th>{t('imports.downloads.files')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <td>{g.title}</td>
                <td className="num">{g.turnCount}</td>
                <td className="num">{g.participants.length}</td>
                <td>
                  <a href={`${api}/${g.id}/transcript?format=docx`} download aria-label={t('imports.downloads.docxOf', { title: g.title })}>
                    .docx
                  </a>{' '}
                  ·{' '}
                  <a href={`${api}/${g.id}/transcript?format=txt`} download aria-label={t('imports.downloads.txtOf', { title: g.title })}>
                    .txt
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
