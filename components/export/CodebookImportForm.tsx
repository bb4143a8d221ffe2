'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../I18nProvider';

type Outcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; problems: { row: number; message: string }[]; error?: string };

/**
 * A lead imports a codebook file (.qdc, .qdpx, .csv, .xlsx) into the project's codebook: all
 * or nothing, with every refused row named.
 */
export function CodebookImportForm({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.set('file', file);
      const res = await fetch(`/api/v1/projects/${projectId}/codebook`, { method: 'POST', body });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.ok) {
        setOutcome({ ok: true, created: Number(json.created), updated: Number(json.updated), unchanged: Number(json.unchanged) });
        router.refresh();
      } else {
        setOutcome({ ok: false, problems: (json.problems as { row: number; message: string }[]) ?? [], error: String(json.error ?? res.statusText) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="export-import" onSubmit={submit} data-testid="codebook-import">
      <label className="stack-label">
        {t('exports.codebook.importFile')}
        <input type="file" accept=".qdc,.qdpx,.qde,.csv,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" disabled={!file || busy}>
        {busy ? t('exports.working') : t('exports.codebook.import')}
      </button>
      {outcome?.ok && (
        <p className="ok" role="status">
          {t('exports.codebook.imported', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged })}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div className="error" role="alert">
          <p>{t('exports.codebook.notImported')}</p>
          {outcome.problems.length > 0 ? (
            <ul className="problems">
              {outcome.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          ) : (
            <p>{outcome.error}</p>
          )}
        </div>
      )}
    </form>
  );
}
