import Link from 'next/link';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { visibleLayers } from '@/server/services/exports';
import { attributeDefinitionsFor } from '@/db/queries/attributes';
import { exportableAttributes, exportableDocumentValues, exportableParticipantValues } from '@/db/queries/attribute-privacy';
import { documentsForProject } from '@/db/queries/documents';
import { exportCodes } from '@/db/queries/excerpts-export';
import { ExcerptExportForm, type ExportAttributeOption } from '@/components/export/ExcerptExportForm';
import { CodebookImportForm } from '@/components/export/CodebookImportForm';
import { PrivacyToggles } from '@/components/export/PrivacyToggles';
import { layerKey } from '@/lib/access/layers';
import { setsOfProject } from '@/db/queries/item-sets';

/** Most values a filter offers for an attribute without declared categories or bins. */
const MAX_FOUND_VALUES = 60;

export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db, role, user } = await requireProject(projectId);
  const t = await getT();
  const reader = { userId: user.id, role, blindMode: project.blindMode };
  const api = `/api/v1/projects/${project.id}`;

  const pValues = await exportableParticipantValues(db, project.id);
  const dValues = await exportableDocumentValues(db, project.id);
  const attributes: ExportAttributeOption[] = (await exportableAttributes(db, project.id))
    .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'participant' ? -1 : 1))
    .map((a) => {
      let values = a.type === 'number' && a.bins.length ? a.bins.map((b) => b.label) : a.values;
      if (values.length === 0) {
        const found = new Set<string>();
        for (const rec of (a.scope === 'participant' ? pValues : dValues).values()) if (rec[a.name]) found.add(rec[a.name]);
        values = [...found].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })).slice(0, MAX_FOUND_VALUES);
      }
      return { scope: a.scope, name: a.name, values, bins: a.bins };
    });
  const layers = visibleLayers(db, project.id, reader).map((l) => ({
    key: layerKey(l.layer),
    label: l.layer.kind === 'consensus' ? t('exports.layer.consensus') : t('exports.layer.coder', { name: l.name }),
  }));
  const privacy = (await attributeDefinitionsFor(db, project.id)).map((a) => ({ id: a.id, scope: a.scope, name: a.name, private: a.private }));
  const blindCoder = role === 'coder' && project.blindMode;

  return (
    <section className="page wide export-page">
      <h2>{t('exports.excerpts.title')}</h2>
      <p className="hint">{t('exports.excerpts.intro')}</p>
      {blindCoder && <p className="hint">{t('exports.blind')}</p>}
      <ExcerptExportForm
        projectId={String(project.id)}
        codes={(await exportCodes(db, project.id)).map((c) => ({ id: c.id, path: c.path, depth: c.depth }))}
        documents={(await documentsForProject(db, project.id)).map((d) => ({ id: d.id, title: d.title }))}
        attributes={attributes}
        layers={layers}
        sets={(await setsOfProject(db, project.id)).map((x) => ({ id: x.id, kind: x.kind, name: x.name, size: x.memberIds.length }))}
      />

      <h2>{t('exports.codebook.title')}</h2>
      <p className="export-links">
        <a className="button" href={`${api}/codebook?format=docx`} download>
          Word (.docx)
        </a>
        <a className="button" href={`${api}/codebook?format=xlsx`} download>
          Excel (.xlsx)
        </a>
        <a className="button" href={`${api}/codebook?format=csv`} download>
          CSV
        </a>
        <a className="button" href={`${api}/codebook?format=qdc`} download>
          REFI-QDA (.qdc)
        </a>
      </p>
      {role === 'lead' && (
        <>
          <p className="hint">{t('exports.codebook.importHint')}</p>
          <CodebookImportForm projectId={String(project.id)} />
        </>
      )}

      <h2>{t('exports.project.title')}</h2>
      <p className="hint">{t(blindCoder ? 'exports.project.hintBlind' : 'exports.project.hint')}</p>
      <p className="export-links">
        <a className="button" href={`${api}/export?format=qdpx`} download data-testid="export-qdpx">
          REFI-QDA (.qdpx)
        </a>
        <a className="button" href={`${api}/export?format=json`} download>
          JSON
        </a>
        <Link href="/import">{t('exports.project.importLink')}</Link>
      </p>

      <h2>{t('exports.privacy.title')}</h2>
      <p className="hint">{t('exports.privacy.intro')}</p>
      <PrivacyToggles projectId={String(project.id)} attributes={privacy} canEdit={role === 'lead'} />
    </section>
  );
}
