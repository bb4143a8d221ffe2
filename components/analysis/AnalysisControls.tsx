'use client';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { parseLayer } from '@/lib/access/layers';
import { chosenSet, withSet, type ControlOptions, type SetOption } from '@/lib/analysis/options';
import { toSearchParams, type AnalysisParams, type LayerParam } from '@/lib/analysis/params';
import { MEASURES, type Measure } from '@/lib/analysis/types';
import { useI18n } from '../I18nProvider';
import { useValueLabel } from './labels';

/**
 * The settings of an analysis page, kept in the URL: every change navigates, so a view can
 * be bookmarked and shared, and the server recounts.
 */
export function AnalysisControls({
  kind,
  params,
  options,
  layer,
  cols,
  setsHref,
}: {
  kind: 'frequencies' | 'cooccurrence' | 'caseMatrix';
  params: AnalysisParams;
  options: ControlOptions;
  /** The layer in force (the parameter, or the viewer's default). */
  layer: string;
  /** The columns in force (frequencies). */
  cols?: string;
  /** Where the sets are managed (for leads). */
  setsHref?: string;
}) {
  const { t } = useI18n();
  const valueLabel = useValueLabel();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (change: Partial<AnalysisParams>) => {
    const next = { ...params, ...change, offset: 0, pair: null, format: 'json' as const };
    startTransition(() => router.push(`${pathname}?${toSearchParams(next)}`));
  };

  const docAttrs = options.attributes.filter((a) => a.scope === 'document');
  const peopleAttrs = options.attributes.filter((a) => a.scope === 'participant');
  const attrOptions = (prefix: string) => (
    <>
      {docAttrs.length > 0 && (
        <optgroup label={t('analysis.documentAttributes')}>
          {docAttrs.map((a) => (
            <option key={a.ref} value={`${prefix}${a.ref}`}>
              {a.name}
            </option>
          ))}
        </optgroup>
      )}
      {peopleAttrs.length > 0 && (
        <optgroup label={t('analysis.participantAttributes')}>
          {peopleAttrs.map((a) => (
            <option key={a.ref} value={`${prefix}${a.ref}`}>
              {a.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );

  const selected = (name: string) => params.attributes.find((a) => a.name === name)?.values ?? [];
  const toggleValue = (name: string, value: string, on: boolean) => {
    const values = on ? [...selected(name), value] : selected(name).filter((v) => v !== value);
    const others = params.attributes.filter((a) => a.name !== name);
    go({ attributes: values.length ? [...others, { name, values }] : others });
  };
  const toggleDocument = (id: number, on: boolean) => {
    const docs = on ? [...(params.documents ?? []), id] : (params.documents ?? []).filter((d) => d !== id);
    go({ documents: docs.length ? docs : null });
  };
  const active = params.attributes.reduce((n, a) => n + a.values.length, 0) + (params.documents?.length ?? 0);

  return (
    <form className="analysis-controls" onSubmit={(e) => e.preventDefault()} aria-busy={pending}>
      <div className="filters">
        <label>
          {t('analysis.layer')}
          <select value={layer} onChange={(e) => go({ layer: e.target.value === 'union' ? { kind: 'union' } : (parseLayer(e.target.value) as LayerParam) })}>
            {options.layers.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        {kind === 'frequencies' && (
          <>
            <label>
              {t('analysis.columns')}
              <select value={cols} onChange={(e) => go({ cols: e.target.value === 'documents' ? { kind: 'documents' } : { kind: 'attribute', name: e.target.value.slice(5) } })}>
                <option value="documents">{t('analysis.columns.documents')}</option>
                {attrOptions('attr:')}
              </select>
            </label>
            <label>
              {t('analysis.split')}
              <select value={params.split ? `attr:${params.split.name}` : ''} onChange={(e) => go({ split: e.target.value ? { kind: 'attribute', name: e.target.value.slice(5) } : null })}>
                <option value="">{t('analysis.split.none')}</option>
                {attrOptions('attr:')}
              </select>
            </label>
            <label>
              {t('analysis.measure')}
              <select value={params.measure} onChange={(e) => go({ measure: e.target.value as Measure })}>
                {MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`analysis.measure.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {kind === 'cooccurrence' && (
          <label>
            {t('analysis.cooc.mode')}
            <select value={params.mode} onChange={(e) => go({ mode: e.target.value === 'turn' ? 'turn' : 'overlap' })}>
              <option value="overlap">{t('analysis.cooc.overlap')}</option>
              <option value="turn">{t('analysis.cooc.turn')}</option>
            </select>
          </label>
        )}
        <label>
          {t('analysis.codes')}
          <select value={params.subtree ?? ''} onChange={(e) => go({ subtree: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('analysis.codes.all')}</option>
            {options.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u2003'.repeat(c.depth)}
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'cooccurrence' && (
          <label className="inline-check">
            <input type="checkbox" checked={params.rollup} onChange={(e) => go({ rollup: e.target.checked })} /> {t('analysis.rollup')}
          </label>
        )}
        {(['code', 'document', 'participant'] as const).map((kind) => {
          const sets = (options.sets ?? []).filter((x) => x.kind === kind);
          if (sets.length === 0) return null;
          const current = chosenSet(params.sets, sets, kind);
          return (
            <label key={kind}>
              {t(`analysis.sets.${kind}`)}
              <select
                value={current ?? ''}
                data-testid={`set-filter-${kind}`}
                onChange={(e) => go({ sets: withSet(params.sets, options.sets ?? [], kind, e.target.value ? Number(e.target.value) : null) })}
              >
                <option value="">{t('analysis.sets.none')}</option>
                {sets.map((x: SetOption) => (
                  <option key={x.id} value={x.id}>
                    {t('analysis.sets.option', { name: x.name, n: x.size })}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        {setsHref && (
          <Link className="muted" href={setsHref}>
            {t('analysis.sets.manage')}
          </Link>
        )}
        {pending && (
          <span className="muted" role="status">
            {t('analysis.loading')}
          </span>
        )}
      </div>
      <details className="analysis-filters" open={active > 0}>
        <summary>
          {t('analysis.filters')}
          {active > 0 && <> · {t('analysis.filters.active', { n: active })}</>}
        </summary>
        <div className="filter-groups">
          {options.attributes.map((a) => (
            <fieldset key={a.ref}>
              <legend>{a.name}</legend>
              {a.values.map((v) => (
                <label key={v}>
                  <input type="checkbox" checked={selected(a.ref).includes(v)} onChange={(e) => toggleValue(a.ref, v, e.target.checked)} /> {valueLabel(v)}
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset className="documents">
            <legend>{t('analysis.filters.documents')}</legend>
            {options.documents.map((d) => (
              <label key={d.id}>
                <input type="checkbox" checked={params.documents?.includes(d.id) ?? false} onChange={(e) => toggleDocument(d.id, e.target.checked)} /> {d.title}
              </label>
            ))}
          </fieldset>
        </div>
        {active > 0 && (
          <button type="button" className="link-button" onClick={() => go({ attributes: [], documents: null })}>
            {t('analysis.filters.clear')}
          </button>
        )}
      </details>
    </form>
  );
}
