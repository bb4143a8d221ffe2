'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EXTENTS, type Extent } from '@/lib/search/extent';
import type { SearchOptions } from '@/lib/search/options';
import {
  applyAutocodeAction,
  previewAutocodeAction,
  undoAutocodeAction,
} from '@/server/actions/search';
import type { ActionResult } from '@/server/edge/action';
import { useI18n } from '../I18nProvider';
import type { SearchCode } from './types';
import type { AutocodePreview, AutocodeResult } from '@/lib/search/views';

/**
 * Applies one code to all or the selected hits, in the user's own layer: preview (how many
 * codings, how many exist, how many hits skipped), apply, and undo of the whole batch.
 */
export function AutoCodePanel({
  projectId,
  options,
  codes,
  total,
  selection,
  isCoder,
}: {
  projectId: string;
  options: SearchOptions;
  codes: SearchCode[];
  total: number;
  selection: string[];
  isCoder: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [codeId, setCodeId] = useState<number | null>(null);
  const [extent, setExtent] = useState<Extent>('match');
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [preview, setPreview] = useState<AutocodePreview | null>(null);
  const [done, setDone] = useState<AutocodeResult | null>(null);
  const [status, setStatus] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const useSelected = scope === 'selected' && selection.length > 0;
  const request = () => ({ options, codeId, extent, selection: useSelected ? selection : null });
  const reset = () => {
    setPreview(null);
    setError(null);
  };
  const run = async <T,>(action: () => Promise<ActionResult<T>>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      const r = await action();
      if (r.ok) then(r.value);
      else setError(r.error);
    } finally {
      setBusy(false);
    }
  };

  const onPreview = () =>
    run(
      () => previewAutocodeAction(projectId, request()),
      (p) => {
        setPreview(p);
        setDone(null);
        setStatus([]);
      },
    );

  const onApply = () =>
    run(
      () => applyAutocodeAction(projectId, request()),
      (r) => {
        setPreview(null);
        setDone(r.batchId ? r : null);
        setStatus([
          r.codingIds.length === 0 ? t('search.autocode.nothing') : t('search.autocode.done', { created: r.codingIds.length, existing: r.existing }),
          ...(r.skippedHits > 0 ? [t('search.autocode.skippedDone', { n: r.skippedHits, documents: r.skippedDocuments })] : []),
          ...(r.staleHits > 0 ? [t('search.autocode.stale', { n: r.staleHits })] : []),
        ]);
        router.refresh();
      },
    );

  const onUndo = () =>
    done?.batchId &&
    run(
      () => undoAutocodeAction(projectId, { batchId: done.batchId }),
      (u) => {
        setDone(null);
        setStatus([t('search.autocode.undone', { deleted: u.deleted }), ...(u.kept > 0 ? [t('search.autocode.undoneKept', { kept: u.kept })] : [])]);
        router.refresh();
      },
    );

  return (
    <section className="autocode" aria-labelledby="autocode-title" data-testid="autocode">
      <h3 id="autocode-title">{t('search.autocode.title')}</h3>
      <p className="muted">{isCoder ? t('search.autocode.layerNoteCoder') : t('search.autocode.layerNote')}</p>
      <label className="stack-label">
        {t('search.autocode.code')}
        <select
          value={codeId ?? ''}
          onChange={(e) => {
            setCodeId(e.target.value ? Number(e.target.value) : null);
            reset();
          }}
        >
          <option value="">{t('search.autocode.chooseCode')}</option>
          {codes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('search.autocode.extent')}</legend>
        {EXTENTS.map((x) => (
          <label key={x}>
            <input
              type="radio"
              name="autocode-extent"
              checked={extent === x}
              onChange={() => {
                setExtent(x);
                reset();
              }}
            />{' '}
            {t(`search.autocode.extent.${x}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('search.autocode.scope')}</legend>
        <label>
          <input
            type="radio"
            name="autocode-scope"
            checked={!useSelected}
            onChange={() => {
              setScope('all');
              reset();
            }}
          />{' '}
          {t('search.autocode.scope.all', { n: total })}
        </label>
        <label>
          <input
            type="radio"
            name="autocode-scope"
            checked={useSelected}
            disabled={selection.length === 0}
            onChange={() => {
              setScope('selected');
              reset();
            }}
          />{' '}
          {t('search.autocode.scope.selected', { n: selection.length })}
        </label>
      </fieldset>
      <div className="autocode-actions">
        <button type="button" className="secondary" onClick={onPreview} disabled={busy || codeId == null}>
          {t('search.autocode.preview')}
        </button>
        <button type="button" onClick={onApply} disabled={busy || codeId == null || !preview || preview.toCreate === 0}>
          {t('search.autocode.apply')}
        </button>
        {done?.batchId && (
          <button type="button" className="secondary" onClick={onUndo} disabled={busy}>
            {t('search.autocode.undo')}
          </button>
        )}
        {busy && <span className="muted">{t('search.autocode.working')}</span>}
      </div>
      {preview && (
        <p className="autocode-preview" data-testid="autocode-preview">
          {t('search.autocode.previewResult', { toCreate: preview.toCreate, existing: preview.existing })}
          {preview.skippedHits > 0 && <> {t('search.autocode.skipped', { n: preview.skippedHits, documents: preview.skippedDocuments })}</>}
        </p>
      )}
      {status.length > 0 && (
        <p role="status" data-testid="autocode-status">
          {status.join(' ')}
        </p>
      )}
      {error && (
        <p role="alert" className="search-problem">
          {error}
        </p>
      )}
    </section>
  );
}
