'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { ImportNote, ProblemKind } from '@/lib/refi-qda/problems';
import { useI18n } from '../I18nProvider';

interface Problem {
  severity: 'error' | 'warning' | 'info';
  /** Absent on a failure that is not the file's (the server's own message). */
  kind?: ProblemKind;
  message: string;
}

/**
 * A problem in the reader's language: what kind of problem it is, translated, then the
 * importer's sentence naming the element or file concerned (in English, marked so).
 */
function ProblemText({ problem }: { problem: Problem }) {
  const { t, locale } = useI18n();
  if (locale === 'en' || !problem.kind) return <>{problem.message}</>;
  return (
    <>
      {t(`refi.problem.${problem.kind}`)}{' '}
      <span className="muted" lang="en">
        ({problem.message})
      </span>
    </>
  );
}
interface Report {
  projectId: number;
  documents: number;
  participants: number;
  codes: number;
  codings: number;
  memos: number;
  coders: number;
  notes: ImportNote[];
}
interface Account {
  id: number;
  name: string;
  email: string;
}
interface FileCoder {
  guid: string;
  name: string;
  byEmail: boolean;
  /** The account here with the coder's email. */
  account?: Account;
}
interface Mapping {
  coders: FileCoder[];
  accounts: Account[];
}
type Outcome = { ok: true; report: Report; problems: Problem[] } | { ok: false; error: string; problems: Problem[]; canOmit: boolean; mapping?: Mapping };
/** A coder's choice in the mapping step: an account id, or a new placeholder account. */
type Choice = number | 'placeholder';

/**
 * Any signed-in user imports a REFI-QDA project (.qdpx / .qde) as a new project they lead.
 * A file that cannot be imported as it is shows every problem; when leaving out what cannot
 * be placed would work, the user may confirm that. When the file's coders have emails that
 * match no account here, nothing is written yet: a mapping step lets the user choose, for
 * each coder, an account they work with or a placeholder, then imports with that mapping.
 */
export function ProjectImportForm() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  // The mapping step repeats the request it answered (with or without leaving parts out).
  const [mappingOmit, setMappingOmit] = useState(false);

  const send = async (omit: boolean, coders?: Record<string, Choice>) => {
    if (!file) return;
    setBusy(true);
    try {
      const body = new FormData();
      body.set('file', file);
      if (name.trim()) body.set('name', name.trim());
      if (omit) body.set('omit', '1');
      if (coders) body.set('coders', JSON.stringify(coders));
      const res = await fetch('/api/v1/projects/import', { method: 'POST', body });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      const problems = (json.problems as Problem[]) ?? [];
      if (res.status === 201) {
        setMapping(null);
        setOutcome({ ok: true, report: json.report as Report, problems });
      } else if (json.mapping && problems.length === 0) {
        const m = json.mapping as Mapping;
        setMapping(m);
        setMappingOmit(omit);
        setChoices(Object.fromEntries(m.coders.map((c) => [c.guid, coders?.[c.guid] ?? c.account?.id ?? 'placeholder'])));
        setOutcome(null);
      } else {
        setOutcome({ ok: false, error: String(json.error ?? res.statusText), problems, canOmit: json.canOmit === true });
      }
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    setMapping(null);
    void send(false);
  };
  const chosen = (c: FileCoder): string => String(choices[c.guid] ?? 'placeholder');

  return (
    <form className="export-import" onSubmit={submit} data-testid="project-import">
      <label className="stack-label">
        {t('exports.import.file')}
        <input
          type="file"
          accept=".qdpx,.qde"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMapping(null);
          }}
        />
      </label>
      <label className="stack-label">
        {t('exports.import.name')}
        <input type="text" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} placeholder={t('exports.import.namePlaceholder')} />
      </label>
      <button type="submit" disabled={!file || busy}>
        {busy ? t('exports.working') : t('exports.import.submit')}
      </button>

      {mapping && (
        <section className="coder-mapping" data-testid="coder-mapping" aria-labelledby="coder-mapping-title">
          <h2 id="coder-mapping-title">{t('exports.import.mapTitle')}</h2>
          <p className="hint">{t('exports.import.mapExplain')}</p>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('exports.import.mapCoder')}</th>
                <th scope="col">{t('exports.import.mapAccount')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.coders.map((c) => (
                <tr key={c.guid}>
                  <td>{c.name}</td>
                  <td>
                    <select
                      aria-label={t('exports.import.mapLabel', { name: c.name })}
                      value={chosen(c)}
                      onChange={(e) => setChoices({ ...choices, [c.guid]: e.target.value === 'placeholder' ? 'placeholder' : Number(e.target.value) })}
                    >
                      {c.account && !mapping.accounts.some((a) => a.id === c.account?.id) && (
                        <option value={String(c.account.id)}>{t('exports.import.mapMatched', { account: `${c.account.name} <${c.account.email}>` })}</option>
                      )}
                      {mapping.accounts.map((a) => (
                        <option key={a.id} value={String(a.id)}>
                          {a.id === c.account?.id ? t('exports.import.mapMatched', { account: `${a.name} <${a.email}>` }) : `${a.name} <${a.email}>`}
                        </option>
                      ))}
                      <option value="placeholder">{t('exports.import.mapPlaceholder')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={busy} onClick={() => void send(mappingOmit, choices)}>
            {busy ? t('exports.working') : t('exports.import.mapSubmit')}
          </button>
        </section>
      )}

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
          {outcome.report.notes.length + outcome.problems.filter((p) => p.severity !== 'info').length > 0 && (
            <ul className="problems muted">
              {outcome.report.notes.map((n, i) => (
                <li key={`n${i}`}>{t(`exports.import.note.${n.key}`, n.vars)}</li>
              ))}
              {outcome.problems
                .filter((p) => p.severity !== 'info')
                .map((p, i) => (
                  <li key={`p${i}`}>
                    <ProblemText problem={p} />
                  </li>
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
              <li key={i}>
                <ProblemText problem={p} />
              </li>
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
