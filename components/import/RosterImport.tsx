'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { ATTRIBUTE_VALUE_TYPES } from '@/lib/attributes/validate';
import { formatBytes } from '@/lib/import/errors';
import { applyRosterPlan, type PlanDefinition, type RosterColumn, type RosterColumnPlan } from '@/lib/import/roster-plan';
import type { RosterParticipant, RosterProblem } from '@/lib/import/roster-validate';
import { useI18n } from '../I18nProvider';
import { postForm } from './post-form';

/** The roster preview route's answer. */
interface RosterPreviewAnswer {
  fileName: string;
  rows: number;
  participants: RosterParticipant[];
  problems: RosterProblem[];
  columns: RosterColumn[];
  plan: Record<string, RosterColumnPlan>;
  definitions: PlanDefinition[];
  newParticipants: number;
  existingParticipants: number;
}

const ENCODINGS = ['', 'utf-8', 'windows-1251', 'utf-16le'];

/** The select's value for a column plan: "skip", "create" or "attr:<id>". */
function planValue(p: RosterColumnPlan | undefined): string {
  return !p || p.action === 'skip' ? 'skip' : p.action === 'create' ? 'create' : `attr:${p.attributeId}`;
}

/**
 * Importing a participant roster (.csv or .xlsx): the file is checked first — every bad row
 * is listed with its row number and nothing can be imported until the file is fixed — then
 * the lead confirms what each column becomes (an existing attribute, a new one of a chosen
 * type, or nothing) and imports it all at once.
 */
export function RosterImport({ projectId, perFileLimit }: { projectId: string; perFileLimit: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [preview, setPreview] = useState<RosterPreviewAnswer | null>(null);
  const [plan, setPlan] = useState<Record<string, RosterColumnPlan>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string; problems?: RosterProblem[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const base = `/api/v1/projects/${projectId}/imports/roster`;

  const form = (f: File, enc: string) => {
    const data = new FormData();
    data.append('file', f);
    if (enc) data.append('encoding', enc);
    return data;
  };

  async function read(f: File, enc: string) {
    setFile(f);
    setPreview(null);
    setMessage(null);
    if (f.size > perFileLimit) {
      setMessage({ kind: 'error', text: t('imports.file.tooLarge', { name: f.name, size: formatBytes(f.size), limit: formatBytes(perFileLimit) }) });
      return;
    }
    setBusy(true);
    const answer = await postForm<RosterPreviewAnswer>(`${base}/preview`, form(f, enc));
    setBusy(false);
    if (!answer.ok) {
      setMessage({ kind: 'error', text: answer.error });
      return;
    }
    setPreview(answer.value);
    setPlan(answer.value.plan);
  }

  async function submit() {
    if (!file) return;
    const data = form(file, encoding);
    data.append('plan', JSON.stringify(plan));
    setBusy(true);
    const answer = await postForm<{ created: number; updated: number; attributesCreated: string[] }, RosterProblem>(base, data);
    setBusy(false);
    if (answer.ok) {
      const v = answer.value;
      setMessage({ kind: 'done', text: t('imports.roster.done', { created: v.created, updated: v.updated, attributes: v.attributesCreated.length }) });
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = '';
      router.refresh();
    } else {
      setMessage({ kind: 'error', text: answer.status === 422 && answer.problems.length > 0 ? t('imports.batch.failed') : answer.error, problems: answer.problems });
    }
  }

  // Values are re-checked as the plan changes; the server checks again before storing.
  const problems = useMemo(() => {
    if (!preview) return [];
    const valueProblems = applyRosterPlan(preview.participants, plan, preview.definitions).problems;
    return [...preview.problems, ...valueProblems].sort((a, b) => a.row - b.row);
  }, [preview, plan]);

  const setColumn = (c: RosterColumn, value: string) => {
    const next: RosterColumnPlan =
      value === 'skip' ? { action: 'skip' } : value === 'create' ? { action: 'create', name: c.name, type: c.guessedType } : { action: 'existing', attributeId: Number(value.slice(5)) };
    setPlan({ ...plan, [c.key]: next });
  };

  return (
    <div className="roster-import" data-testid="roster-import">
      <p className="hint">{t('imports.roster.help')}</p>
      <div className="inline-form">
        <label className="file-pick">
          {t('imports.roster.choose')}
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.xlsx"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void read(f, encoding);
            }}
          />
        </label>
        <label>
          {t('imports.roster.encoding')}
          <select
            value={encoding}
            onChange={(e) => {
              setEncoding(e.target.value);
              if (file) void read(file, e.target.value);
            }}
          >
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e === '' ? t('imports.roster.encodingAuto') : e}
              </option>
            ))}
          </select>
        </label>
      </div>
      {busy && <p className="muted">{t('imports.item.reading')}</p>}

      {preview && (
        <>
          <p>
            {t('imports.roster.summary', { file: preview.fileName, rows: preview.rows, created: preview.newParticipants, updated: preview.existingParticipants })}
          </p>
          {problems.length > 0 && (
            <div className="import-problems" role="alert" data-testid="roster-problems">
              <p>{t('imports.roster.problems', { n: problems.length })}</p>
              <table className="grid">
                <thead>
                  <tr>
                    <th className="num">{t('imports.roster.row')}</th>
                    <th>{t('imports.roster.column')}</th>
                    <th>{t('imports.roster.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td className="num">{t('imports.roster.rowN', { n: p.row })}</td>
                      <td>{p.column ?? ''}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.columns.length > 0 && (
            <table className="grid roster-plan">
              <thead>
                <tr>
                  <th>{t('imports.roster.column')}</th>
                  <th>{t('imports.roster.values')}</th>
                  <th>{t('imports.roster.becomes')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => {
                  const p = plan[c.key];
                  const def = p?.action === 'existing' ? preview.definitions.find((d) => d.id === p.attributeId) : undefined;
                  return (
                    <tr key={c.key}>
                      <td>{c.name}</td>
                      <td className="muted">
                        {c.values.slice(0, 6).join(', ')}
                        {c.values.length > 6 ? ` … (${c.values.length})` : ''}
                      </td>
                      <td>
                        <select aria-label={t('imports.roster.becomesFor', { column: c.name })} value={planValue(p)} onChange={(e) => setColumn(c, e.target.value)}>
                          <option value="skip">{t('imports.roster.skip')}</option>
                          <option value="create">{t('imports.roster.create')}</option>
                          {preview.definitions.map((d) => (
                            <option key={d.id} value={`attr:${d.id}`}>
                              {t('imports.roster.existing', { name: d.name, type: t(`imports.type.${d.type}`) })}
                            </option>
                          ))}
                        </select>
                        {p?.action === 'create' && (
                          <>
                            {' '}
                            <input aria-label={t('imports.roster.newName', { column: c.name })} value={p.name} size={14} onChange={(e) => setPlan({ ...plan, [c.key]: { ...p, name: e.target.value } })} />{' '}
                            <select
                              aria-label={t('imports.roster.newType', { column: c.name })}
                              value={p.type}
                              onChange={(e) => setPlan({ ...plan, [c.key]: { ...p, type: e.target.value as typeof p.type } })}
                            >
                              {ATTRIBUTE_VALUE_TYPES.map((type) => (
                                <option key={type} value={type}>
                                  {t(`imports.type.${type}`)}
                                </option>
                              ))}
                            </select>
                          </>
                        )}
                        {p?.action === 'existing' && def?.type === 'category' && (
                          <label className="inline-check">
                            <input type="checkbox" checked={p.addValues ?? false} onChange={(e) => setPlan({ ...plan, [c.key]: { ...p, addValues: e.target.checked } })} />
                            {t('imports.roster.addValues')}
                          </label>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="import-actions">
            <button type="button" disabled={busy || problems.length > 0 || preview.participants.length === 0} onClick={() => void submit()}>
              {t('imports.roster.import', { n: preview.participants.length })}
            </button>
            {problems.length > 0 && <span className="hint">{t('imports.roster.fixFirst')}</span>}
          </div>
        </>
      )}
      {message && (
        <div className={message.kind === 'error' ? 'import-problems' : 'import-done'} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.problems && message.problems.length > 0 && (
            <ul>
              {message.problems.map((p, i) => (
                <li key={i}>
                  {t('imports.roster.rowN', { n: p.row })}
                  {p.column ? `, ${p.column}` : ''}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
