'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../I18nProvider';

interface Problem {
  severity: 'error' | 'warning' | 'info';
  message: string;
}
interface Report {
  projectId: number;
  documents: number;
  participants: number;
  codes: number;
  codings: number;
  memos: number;
  coders: number;
  notes: string[];
}
type Outcome = { ok: true; report: Report; problems: Problem[] } | { ok: false; error: string; problems: Problem[]; canOmit: boolean };

/**
 * Any signed-in user imports a REFI-QDA project (.qdpx / .qde) as a new project they lead.
 * A file that cannot be imported as it is shows every problem; when leaving out what cannot
 * be placed would work, the user may confirm that.
 */
export function ProjectImportForm() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (omit: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const body = new FormData();
      body.set('file', file);
      if (name.trim()) body.set('name', name.trim());
      if (omit) body.set('omit', '1');
      const res = await fetch('/api/v1/projects/import', { method: 'POST', body });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 201) setOutcome({ ok: true, report: json.report as Report, problems: (json.problems as Problem[]) ?? [] });
      else setOutcome({ ok: false, error: String(json.error ?? res.statusText), problems: (json.problems as Problem[]) ?? [], canOmit: json.canOmit === true });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    void send(false);
  };

  return (
    <form className="export-import" onSubmit={submit} data-testid="project-import">
      <label className="stack-label">
        {t('exports.import.file')}
        <input type="file" accept=".qdpx,.qde" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label className="stack-label">
        {t('exports.import.name')}
        <input type="text" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} placeholder={t('exports.import.namePlaceholder')} />
      </label>
      <button type="submit" disabled={!file || busy}>
        {busy ? t('exports.working') : t('exports.import.submit')}
      </button>

      {outcome?.ok && (
        <div className="ok" role="status">
          <p>
            {t('exports.import.done', {
              documents: outcome.report.documents,
              codes: outcome.report.codes,
              codings: outcome.report.codings,
              participants: outcome.report.participants,
              coders: outcome.report.coders,
            })}{' '}
            <Link href={`/projects/${outcome.report.projectId}`}>{t('exports.import.open')}</Link>
          </p>
          {[...outcome.report.notes, ...outcome.problems.filter((p) => p.severity !== 'info').map((p) => p.message)].length > 0 && (
            <ul className="problems muted">
              {outcome.report.notes.map((n, i) => (
                <li key={`n${i}`}>{n}</li>
              ))}
              {outcome.problems
                .filter((p) => p.severity !== 'info')
                .map((p, i) => (
                  <li key={`p${i}`}>{p.message}</li>
                ))}
            </ul>
          )}
        </div>
      )}
      {outcome && !outcome.ok && (
        <div className="error" role="alert">
          <p>{t('exports.import.failed')}</p>
          <ul className="problems">
            {(outcome.problems.length ? outcome.problems.filter((p) => p.severity === 'error') : [{ severity: 'error' as const, message: outcome.error }]).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
          {outcome.canOmit && (
            <p>
              {t('exports.import.omitExplain')}{' '}
              <button type="button" disabled={busy} onClick={() => void send(true)}>
                {t('exports.import.omit')}
              </button>
            </p>
          )}
        </div>
      )}
    </form>
  );
}
