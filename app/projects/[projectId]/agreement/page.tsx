import Link from 'next/link';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { runAgreement, unknownIdsMessage } from '@/server/services/agreement';
import { agreementChoices, singleCodedDocuments } from '@/db/queries/agreement';
import { DEFAULT_THRESHOLD_PERCENT, parseAgreementSelection, selectionQuery, type AgreementSelection } from '@/lib/agreement/selection';
import { AgreementForm } from '@/components/agreement/AgreementForm';
import { AgreementNav } from '@/components/agreement/AgreementNav';
import { AgreementReportView } from '@/components/agreement/AgreementReportView';
import { CopyLayerButton } from '@/components/agreement/CopyLayerButton';
import { RoundsEditor } from '@/components/agreement/RoundsEditor';
import { roundsOfProject } from '@/db/queries/training-rounds';
import { coderKey } from '@/lib/access/layers';
import type { AgreementProblem } from '@/lib/agreement/readiness';
import type { Translate } from '@/lib/i18n';

type Search = Record<string, string | string[] | undefined>;

/** Inter-coder agreement of the project (leads only; anyone else gets "not found"). */
export default async function AgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const query = await searchParams;
  const parsed = parseAgreementSelection({ getAll: (name) => [query[name] ?? []].flat() });
  const selection: AgreementSelection = parsed.ok ? parsed.selection : { ...parseDefaults() };
  const error = parsed.ok ? await unknownIdsMessage(db, project.id, selection) : parsed.error;
  const single = await singleCodedDocuments(db, project.id);

  return (
    <section className="page wide agreement">
      <AgreementNav projectId={project.id} current="report" t={t} />
      <h2>{t('agreement.title')}</h2>
      <p className="hint">{t('agreement.intro')}</p>
      {error ? (
        <>
          <AgreementForm choices={await agreementChoices(db, project.id)} selection={selection} coders={selection.coders} t={t} />
          <p className="error" role="alert">
            {t('agreement.badInput', { message: error })}
          </p>
        </>
      ) : (
        <Report projectId={project.id} selection={selection} t={t} run={await runAgreement(db, project.id, selection)} />
      )}

      <h3>{t('agreement.rounds.manage')}</h3>
      <p className="hint">{t('agreement.rounds.manageHelp')}</p>
      <RoundsEditor
        projectId={String(project.id)}
        rounds={(await roundsOfProject(db, project.id)).map((r) => ({ id: r.id, name: r.name, documentIds: r.documentIds }))}
        documents={(await agreementChoices(db, project.id)).documents.map((d) => ({ id: d.id, title: d.title }))}
      />

      <h3>{t('agreement.single.heading')}</h3>
      <p className="hint">{t('agreement.single.help')}</p>
      {single.length === 0 ? (
        <p className="empty">{t('agreement.single.none')}</p>
      ) : (
        <ul className="single-coded" data-testid="single-coded">
          {single.map((d) => (
            <li key={d.documentId}>
              <Link href={`/projects/${project.id}/documents/${d.documentId}?layers=${coderKey(d.coderId)},consensus`}>{d.title}</Link> — {d.coderName}:{' '}
              {t('progress.codings', { n: d.codings })}, {t('agreement.single.consensus', { n: d.consensus })}{' '}
              <CopyLayerButton projectId={String(project.id)} documentId={d.documentId} coderId={d.coderId} coderName={d.coderName} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function parseDefaults(): AgreementSelection {
  const r = parseAgreementSelection({ getAll: () => [] });
  if (!r.ok) throw new Error(r.error);
  return r.selection;
}

function Report({ projectId, selection, run, t }: { projectId: number; selection: AgreementSelection; run: Awaited<ReturnType<typeof runAgreement>>; t: Translate }) {
  const coderIds = run.coders.map((c) => c.id);
  const query = selectionQuery({ ...selection, coders: coderIds });
  const api = `/api/v1/projects/${projectId}/agreement?${query}`;
  const comparedOn = new Map(run.input.documents.map((d) => [d.id, d.assignedCoders.filter((c) => run.input.coders.includes(c))]));
  const reviewLink = (documentId: string) => {
    const coders = comparedOn.get(documentId) ?? [];
    if (coders.length < 2) return null;
    const q = new URLSearchParams({ document: documentId, coders: coders.join(',') });
    if (selection.thresholdPercent !== DEFAULT_THRESHOLD_PERCENT) q.set('threshold', String(selection.thresholdPercent));
    if (selection.codes?.length) q.set('codes', selection.codes.join(','));
    return `/projects/${projectId}/agreement/review?${q}`;
  };
  return (
    <>
      <AgreementForm choices={run.choices} selection={selection} coders={coderIds} t={t} />
      {run.choices.coders.length === 0 && <p className="empty">{t('agreement.form.noCoders')}</p>}
      {run.readiness.problem ? (
        <div className="agreement-problem" role="alert" data-testid="agreement-problem">
          <ProblemText problem={run.readiness.problem} names={run.names} t={t} />
        </div>
      ) : (
        run.summary && (
          <>
            <p>
              {t('agreement.compared', { documents: run.readiness.compared, coders: coderIds.length })} {t('agreement.layers')}
            </p>
            {run.readiness.idle.length > 0 && <p className="badge warn">{t('agreement.idle', { names: run.readiness.idle.map(run.names.coder).join(', ') })}</p>}
            <ul className="hint agreement-notes">
              <li>{t('agreement.legend')}</li>
              <li>{selection.samples > 0 ? t('agreement.ciHelp', { samples: selection.samples, seed: selection.seed }) : t('agreement.ciNone')}</li>
              <li>{t('agreement.segmentHelp', { threshold: selection.thresholdPercent })}</li>
              <li>{t('agreement.unitsHelp')}</li>
              <li>{t(selection.excludeUncoded ? 'agreement.uncodedExcluded' : 'agreement.uncodedIncluded')}</li>
            </ul>
            <p className="agreement-downloads">
              {t('agreement.download')}: <a href={`${api}&format=csv`}>{t('agreement.download.csv')}</a> ·{' '}
              <a href={`${api}&format=xlsx`}>{t('agreement.download.xlsx')}</a> · <a href={api}>{t('agreement.download.json')}</a>
            </p>
            <AgreementReportView
              summary={run.summary}
              names={run.names}
              codeColors={Object.fromEntries(run.codes.map((c) => [String(c.id), c.color]))}
              selection={selection}
              reviewLink={reviewLink}
              t={t}
            />
          </>
        )
      )}
    </>
  );
}

function ProblemText({ problem, names, t }: { problem: AgreementProblem; names: { coder: (id: string) => string; document: (id: string | undefined) => string }; t: Translate }) {
  switch (problem.kind) {
    case 'too-few-coders':
      return <p>{t('agreement.problem.tooFewCoders', { n: problem.chosen })}</p>;
    case 'no-documents':
      return <p>{t('agreement.problem.noDocuments')}</p>;
    case 'no-shared-documents':
      return (
        <>
          <p>{t('agreement.problem.noShared')}</p>
          <ul>
            {problem.documents.map((d) => (
              <li key={d.id}>
                {names.document(d.id)}: {d.assigned.length ? d.assigned.map(names.coder).join(', ') : t('agreement.problem.nobody')}
              </li>
            ))}
          </ul>
          <p>{t('agreement.problem.assignHint')}</p>
        </>
      );
  }
}
