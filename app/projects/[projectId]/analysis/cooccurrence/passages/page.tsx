import Link from 'next/link';
import { passagesFor } from '@/db/queries/analysis';
import { toSearchParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { ExcerptCard } from '@/components/analysis/ExcerptList';
import { Pager } from '@/components/analysis/Pager';
import { analysisRequest, orParamError, type SearchParams } from '@/server/edge/analysis-page';
import { AnalysisParamError } from '@/lib/analysis/params';

/** The passages behind a co-occurrence cell: where the two codes meet, with both codings. */
export default async function PassagesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const r = await analysisRequest(projectId, await searchParams);
  const { t } = r;
  const result = r.error
    ? { value: null, error: r.error }
    : await orParamError(async () => {
        const pair = r.params.pair;
        if (!pair) throw new AnalysisParamError(400, "Parameter 'pair': name the two codes, as pair=<codeId>,<codeId>");
        for (const id of pair) if (!r.ctx.codes.some((c) => c.id === id)) throw new AnalysisParamError(400, `Parameter 'pair': unknown code ${id}`);
        const filter = resolveFilter({ ...r.params, subtree: null }, r.ctx, r.viewer, 'table');
        return { pair, filter, ...await passagesFor(r.db, r.project.id, filter, pair, r.params.mode, { offset: r.params.offset, limit: r.params.limit }) };
      });
  const v = result.value;
  const path = (id: number) => r.options.codes.find((c) => c.id === id)?.path ?? String(id);
  const page = (offset: number) => `?${toSearchParams({ ...r.params, offset })}`;
  const back = `/projects/${r.project.id}/analysis/cooccurrence?${toSearchParams({ ...r.params, pair: null, offset: 0 })}`;
  return (
    <section className="page wide">
      <p>
        <Link href={back}>← {t('analysis.excerpts.back')}</Link>
      </p>
      {result.error != null && (
        <p role="alert" className="error">
          {t('analysis.error', { message: result.error })}
        </p>
      )}
      {v && (
        <>
          <h2>{t('analysis.cooc.passages', { a: path(v.pair[0]), b: path(v.pair[1]) })}</h2>
          <p className="layer-line">
            {t('analysis.counting', { layer: r.layerLabel(v.filter.layer) })} · {t(r.params.mode === 'overlap' ? 'analysis.cooc.overlap' : 'analysis.cooc.turn')}
          </p>
          <p>
            <strong>{t('analysis.cooc.passagesCount', { n: v.total })}</strong>
          </p>
          <Pager
            offset={r.params.offset}
            shown={v.passages.length}
            total={v.total}
            previous={r.params.offset > 0 ? page(Math.max(0, r.params.offset - r.params.limit)) : null}
            next={r.params.offset + r.params.limit < v.total ? page(r.params.offset + r.params.limit) : null}
          />
          {v.passages.length === 0 && <p className="empty">{t('analysis.excerpts.empty')}</p>}
          {v.passages.map((p, k) => (
            <section key={k} className="passage" data-testid="passage">
              <h3>
                {p.documentTitle}
                {p.turn != null && <> · {t('analysis.cooc.turnLabel', { n: p.turn })}</>}
              </h3>
              <blockquote className="excerpt-quote">{p.text}</blockquote>
              <div className="passage-codings">
                {[...p.a, ...p.b].map((e) => (
                  <ExcerptCard key={e.codingId} projectId={r.project.id} excerpt={e} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
