import Link from 'next/link';
import { excerptsFor, participantLabel } from '@/db/queries/analysis';
import { toSearchParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { MISSING, NO_PARTICIPANT } from '@/lib/analysis/types';
import { ExcerptList } from '@/components/analysis/ExcerptList';
import { Pager } from '@/components/analysis/Pager';
import { analysisRequest, orParamError, type SearchParams } from '@/server/edge/analysis-page';

/** The excerpts behind a table cell (or any filter): quotes with speakers and attributes, each linking into its transcript. */
export default async function ExcerptsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const r = await analysisRequest(projectId, await searchParams);
  const { t } = r;
  const result = r.error
    ? { value: null, error: r.error }
    : await orParamError(async () => {
        const filter = resolveFilter(r.params, r.ctx, r.viewer, 'excerpts');
        return { filter, ...await excerptsFor(r.db, r.project.id, filter, { offset: r.params.offset, limit: r.params.limit }) };
      });
  const v = result.value;
  const page = (offset: number) => `?${toSearchParams({ ...r.params, offset })}`;
  const code = v?.filter.codeId != null ? r.options.codes.find((c) => c.id === v.filter.codeId) : undefined;
  const valueLabel = (x: string) => (x === MISSING ? t('analysis.missing') : x === NO_PARTICIPANT ? t('analysis.noParticipant') : x);
  const participant = v?.filter.participantId != null ? await participantLabel(r.db, r.project.id, v.filter.participantId) : undefined;

  return (
    <section className="page wide">
      <p>
        <Link href={`/projects/${r.project.id}/analysis`}>← {t('analysis.excerpts.back')}</Link>
      </p>
      <h2>{t('analysis.excerpts.title')}</h2>
      {result.error != null && (
        <p role="alert" className="error">
          {t('analysis.error', { message: result.error })}
        </p>
      )}
      {v && (
        <>
          <ul className="excerpt-filter">
            <li>{code ? `${t('analysis.code')}: ${code.path}${r.params.rollup ? ` ${t('analysis.rolledUp')}` : ''}` : t('analysis.codes.all')}</li>
            {v.filter.attributes.map((a) => (
              <li key={a.attribute.id}>
                {a.attribute.name}: {a.values.map(valueLabel).join(', ')}
              </li>
            ))}
            {v.filter.documentIds && <li>{v.filter.documentIds.map((id) => r.ctx.documents.find((d) => d.id === id)?.title ?? id).join(', ')}</li>}
            {participant != null && <li>{t('analysis.excerpts.participant', { label: participant })}</li>}
          </ul>
          <p className="layer-line">{t('analysis.counting', { layer: r.layerLabel(v.filter.layer) })}</p>
          <p>
            <strong data-testid="excerpt-count">{t('analysis.excerpts.count', { n: v.total })}</strong>
            {v.total > 0 && (
              <span className="downloads">
                {' '}
                · {t('analysis.download')}:{' '}
                <a href={`/api/v1/projects/${r.project.id}/excerpts?${toSearchParams({ ...r.params, layer: v.filter.layer, offset: 0, format: 'csv' })}`} download>
                  {t('analysis.download.csv')}
                </a>
              </span>
            )}
          </p>
          <Pager
            offset={r.params.offset}
            shown={v.excerpts.length}
            total={v.total}
            previous={r.params.offset > 0 ? page(Math.max(0, r.params.offset - r.params.limit)) : null}
            next={r.params.offset + r.params.limit < v.total ? page(r.params.offset + r.params.limit) : null}
          />
          <ExcerptList projectId={r.project.id} excerpts={v.excerpts} />
        </>
      )}
    </section>
  );
}
