import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { loadReview } from '@/server/services/review';
import { unknownIdsMessage } from '@/server/services/agreement';
import { agreementChoices } from '@/db/queries/agreement';
import { codesOfProject } from '@/db/queries/codes';
import { membersOfProject } from '@/db/queries/projects';
import { codePaths } from '@/lib/coding/code-paths';
import { passagePieces, passageWindow } from '@/lib/agreement/passage';
import { replacedConsensus, type Decision } from '@/lib/agreement/resolution';
import { DEFAULT_THRESHOLD_PERCENT, parseAgreementSelection } from '@/lib/agreement/selection';
import type { Translate } from '@/lib/i18n';
import { AgreementNav } from '@/components/agreement/AgreementNav';
import { coderColors } from '@/lib/coding/coder-colors';
import { DisagreementActions } from '@/components/agreement/DisagreementActions';
import { DisagreementCard } from '@/components/agreement/DisagreementCard';
import { ReviewChooser } from '@/components/agreement/ReviewChooser';
import { coderKey } from '@/lib/access/layers';

type Search = Record<string, string | string[] | undefined>;

/**
 * The disagreements of one document between two or more coders (leads only), one at a time
 * with previous/next: ?document=<id>&coders=<a>,<b>&n=<1-based item>&threshold=<percent>.
 */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const { project, db } = await requireProject(projectId, ['lead']);
  const t = await getT();
  const query = await searchParams;
  const one = (name: string) => [query[name] ?? []].flat()[0];
  const parsed = parseAgreementSelection({ getAll: (name) => [query[name] ?? []].flat() });
  const documentId = /^[1-9][0-9]{0,15}$/.test(one('document') ?? '') ? Number(one('document')) : null;
  const base = `/projects/${project.id}`;
  const choices = await agreementChoices(db, project.id);

  const chooser = (
    <ReviewChooser documents={choices.documents} coders={choices.coders} documentId={documentId} chosen={parsed.ok ? parsed.selection.coders : []} t={t} />
  );
  const frame = (body: ReactNode) => (
    <section className="page wide agreement review">
      <AgreementNav projectId={project.id} current="report" t={t} />
      <p>
        <Link href={`${base}/agreement`}>← {t('review.back')}</Link>
      </p>
      <h2>{t('review.title')}</h2>
      {body}
    </section>
  );

  if (!parsed.ok) return frame(<>{chooser}<p className="error" role="alert">{t('agreement.badInput', { message: parsed.error })}</p></>);
  const { coders, thresholdPercent, codes: codeFilter } = parsed.selection;
  if (documentId === null || coders.length < 2) return frame(<>{chooser}<p>{t('review.choose')}</p></>);
  const unknown = await unknownIdsMessage(db, project.id, { ...parsed.selection, documents: [documentId] });
  if (unknown) return frame(<>{chooser}<p className="error" role="alert">{t('agreement.badInput', { message: unknown })}</p></>);
  const review = await loadReview(db, project.id, documentId, coders, thresholdPercent, codeFilter);
  if (!review) notFound();

  const { document: doc, listing, resolved } = review;
  const members = await membersOfProject(db, project.id);
  const colors = coderColors(members);
  const name = (id: string) => members.find((m) => String(m.userId) === id)?.name ?? `#${id}`;
  const colorOf = (id: string) => colors[Number(id)] ?? '#555555';
  const codes = new Map(codePaths(await codesOfProject(db, project.id)).map((c) => [String(c.id), c]));
  const total = listing.items.length;
  const header = (
    <>
      <h3>{t('review.heading', { document: doc.title })}</h3>
      <p className="muted">{listing.compared.map(name).join(' · ')}</p>
    </>
  );
  if (listing.compared.length < 2) return frame(<>{chooser}{header}<p>{t('review.notCompared')}</p></>);
  if (total === 0) return frame(<>{header}<p data-testid="review-none">{t('review.none')}</p></>);

  const rawN = Number(one('n') ?? '1');
  const n = Number.isInteger(rawN) ? Math.min(Math.max(rawN, 1), total) : 1;
  const item = listing.items[n - 1];
  const link = (k: number) => {
    const q = new URLSearchParams({ document: String(doc.id), coders: coders.join(','), n: String(k) });
    if (thresholdPercent !== DEFAULT_THRESHOLD_PERCENT) q.set('threshold', String(thresholdPercent));
    if (codeFilter?.length) q.set('codes', codeFilter.join(','));
    return `${base}/agreement/review?${q}`;
  };
  const open = listing.items.map((d, i) => (resolved.has(d.key) ? -1 : i + 1)).filter((k) => k > 0);
  const nextOpen = open.find((k) => k > n) ?? open.find((k) => k !== n);
  const view = passageWindow(doc.text, item.start, item.end);
  const code = codes.get(item.codeId);
  const consensus = replacedConsensus(item, doc.consensus);
  const firstCoding = item.coders.flatMap((c) => c.codings).sort((a, b) => a.start - b.start || a.id - b.id)[0];
  const editorLink =
    `${base}/documents/${doc.id}?layers=${[...listing.compared.map((c) => coderKey(Number(c))), 'consensus'].join(',')}&edit=consensus` +
    (firstCoding ? `&focus=${firstCoding.id}` : '');
  const turnLabel = (index: number) => {
    const turn = doc.turns[index];
    return `${index + 1}${turn?.speakerLabel ? ` (${turn.speakerLabel})` : ''}`;
  };
  const resolution = resolved.get(item.key);

  return frame(
    <>
      {header}
      <p className="review-progress" data-testid="review-progress">
        <progress max={total} value={resolved.size} /> {t('review.progress', { resolved: resolved.size, total })}
      </p>
      <nav className="review-nav">
        {n > 1 ? <Link href={link(n - 1)}>{t('review.previous')}</Link> : <span className="muted">{t('review.previous')}</span>}
        <strong>{t('review.item', { n, total })}</strong>
        {n < total ? <Link href={link(n + 1)}>{t('review.next')}</Link> : <span className="muted">{t('review.next')}</span>}
        {nextOpen && <Link href={link(nextOpen)}>{t('review.nextOpen')}</Link>}
      </nav>

      <DisagreementCard
        disagreementKey={item.key}
        code={{ path: code?.path ?? item.codeId, color: code?.color ?? '#888888' }}
        range={item}
        reasons={[
          ...(item.reasons.includes('turn') ? [t('review.reason.turn', { turns: item.turns.map(turnLabel).join(', ') })] : []),
          ...(item.reasons.includes('segment') ? [t('review.reason.segment', { threshold: thresholdPercent })] : []),
        ]}
        tracks={item.coders.map((c) => ({
          coder: c.coder,
          name: name(c.coder),
          color: colorOf(c.coder),
          pieces: passagePieces(doc.text, view.start, view.end, c.codings),
          coded: c.codings.length > 0,
        }))}
        consensus={{ pieces: passagePieces(doc.text, view.start, view.end, consensus), empty: consensus.length === 0 }}
        editorLink={editorLink}
        status={resolution ? t('review.resolved', { user: resolution.userName, decision: decisionText(resolution.decision, name, t) }) : t('review.unresolved')}
        t={t}
      >
        <DisagreementActions
          key={item.key}
          projectId={String(project.id)}
          documentId={doc.id}
          documentVersion={doc.version}
          coderIds={coders}
          disagreementKey={item.key}
          thresholdPercent={thresholdPercent}
          coders={item.coders.map((c) => ({ id: c.coder, name: name(c.coder), color: colorOf(c.coder) }))}
          passage={{ start: view.start, text: doc.text.slice(view.start, view.end) }}
          initialRange={{ start: item.start, end: item.end }}
        />
      </DisagreementCard>

      <details className="review-list">
        <summary>{t('review.list')}</summary>
        <ol>
          {listing.items.map((d, i) => (
            <li key={d.key} className={i + 1 === n ? 'current' : undefined}>
              <Link href={link(i + 1)}>
                {codes.get(d.codeId)?.path ?? d.codeId} [{d.start}–{d.end})
              </Link>
              {resolved.has(d.key) && <span className="badge">{t('review.resolvedMark')}</span>}
            </li>
          ))}
        </ol>
      </details>
    </>,
  );
}

function decisionText(decision: Decision, name: (id: string) => string, t: Translate): string {
  switch (decision.kind) {
    case 'accept':
      return t('review.decision.accept', { coder: name(decision.coder) });
    case 'both':
      return t('review.decision.both');
    case 'reject':
      return t('review.decision.reject');
    case 'edit':
      return t('review.decision.edit');
  }
}
