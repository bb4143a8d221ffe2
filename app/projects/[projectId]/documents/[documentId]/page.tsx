import Link from 'next/link';
import { notFound } from 'next/navigation';
import { idParam, requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { documentWithTurns } from '@/db/queries/documents';
import { codesOfProject } from '@/db/queries/codes';
import { editorCodingsForDocument, isAssigned } from '@/db/queries/codings';
import { membersOfProject } from '@/db/queries/projects';
import { mayEditLayer, mayViewLayer, type LayerRef } from '@/lib/access/layers';
import { layerKey, parseLayer, parseLayerList } from '@/lib/access/layers';
import { codePaths } from '@/lib/coding/code-paths';
import { coderColors as coderColorsOf } from '@/lib/coding/coder-colors';
import { packedNeedsReview, toColumns } from '@/lib/coding/editor-codings';
import { toJsonText } from '@/lib/json-text';
import { CodingEditor } from '@/components/editor/CodingEditor';
import { packTurns, type EditorTurn } from '@/lib/text/editor-turns';
import { LayerPicker } from '@/components/editor/LayerPicker';
import { CorrectionPanel } from '@/components/editor/CorrectionPanel';
import { MemoPanel } from '@/components/MemoPanel';
import { memosFor } from '@/db/queries/memos';


export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; documentId: string }>;
  searchParams: Promise<{ layers?: string; edit?: string; mode?: string; focus?: string; hit?: string }>;
}) {
  const { projectId, documentId } = await params;
  const query = await searchParams;
  const { project, db, user, role } = await requireProject(projectId);
  const t = await getT();
  const doc = await documentWithTurns(db, project.id, idParam(documentId));
  if (!doc) notFound();
  const viewer = { role, userId: user.id, blindMode: project.blindMode };

  // Layers on screen: as asked in the URL, else the viewer's natural layer; only those they may see.
  const own: LayerRef = { kind: 'coder', coderId: user.id };
  const natural: LayerRef = role === 'coder' ? own : { kind: 'consensus' };
  const asked = query.layers ? parseLayerList(query.layers).layers : [natural];
  const layers = asked.filter((l) => mayViewLayer(viewer, l));
  const askedEdit = query.edit ? parseLayer(query.edit) : natural;
  const mayCode = role === 'lead' || (role === 'coder' && await isAssigned(db, doc.id, user.id));
  const editLayer = askedEdit && mayCode && mayEditLayer(viewer, askedEdit) ? askedEdit : null;
  if (editLayer && !layers.some((l) => layerKey(l) === layerKey(editLayer))) layers.push(editLayer);

  const members = await membersOfProject(db, project.id);
  const coders = members.filter((m) => m.role !== 'viewer');
  const choices: Array<{ key: string; label: string }> = [
    ...coders
      .map((m) => ({ layer: { kind: 'coder', coderId: m.userId } as LayerRef, label: m.userId === user.id ? `${m.name} (${t('editor.myLayer')})` : m.name }))
      .filter((c) => mayViewLayer(viewer, c.layer))
      .map((c) => ({ key: layerKey(c.layer), label: c.label })),
    ...(mayViewLayer(viewer, { kind: 'consensus' }) ? [{ key: 'consensus', label: t('editor.consensus') }] : []),
  ];
  const coderLayers = layers.filter((l) => l.kind === 'coder');
  const coderColors =
    layers.length > 1 ? coderColorsOf(members) : null;

  const codes = codePaths(await codesOfProject(db, project.id));
  const byParticipant = new Map(doc.participants.map((p) => [p.id, p]));
  const turns: EditorTurn[] = doc.turns.map((x) => {
    const person = x.participantId != null ? byParticipant.get(x.participantId) : undefined;
    return {
      seq: x.seq,
      start: x.start,
      end: x.end,
      text: x.text,
      kind: x.speakerKind,
      speaker: x.speakerKind === 'moderator' ? t('doc.moderator') : (person?.label ?? (x.speakerLabel || t('doc.unknown'))),
      info: person ? [person.label, ...Object.entries(person.attributes).map(([k, v]) => `${k}: ${v}`)].join('\n') : '',
    };
  });
  // ?focus=<codingId> (a drill-down) or ?hit=<start>-<end> (a search hit) opens at that passage.
  const focusId = query.focus && /^\d{1,15}$/.test(query.focus) ? Number(query.focus) : null;
  const visibleCodings = await editorCodingsForDocument(db, doc.id, layers);
  const focused = focusId != null ? visibleCodings.rows.find((c) => c[0] === focusId) : undefined;
  const hit = /^(\d{1,9})-(\d{1,9})$/.exec(query.hit ?? '');
  const initialRange = focused ? { start: focused[3], end: focused[4] } : hit ? { start: Number(hit[1]), end: Number(hit[2]) } : null;
  const correcting = role === 'lead' && query.mode === 'correct';
  const docMemos = await memosFor(db, project.id, 'document', doc.id);
  const flagged = visibleCodings.rows.filter(packedNeedsReview).length;

  return (
    <section className="page document wide">
      <a className="skip-link" href="#transcript">
        {t('editor.skipToTranscript')}
      </a>
      {/* One compact line above the text, so the transcript starts near the top of the window. */}
      <header className="document-head">
        <Link href={`/projects/${project.id}`} aria-label={t('doc.back')}>
          ←
        </Link>
        <h2>{doc.title}</h2>
        <span className="muted" data-testid="document-size">
          {t('doc.turnCount', { n: doc.turns.length })} · {t('doc.wordCount', { n: doc.wordCount })} ({t('doc.participantWords', { n: doc.participantWordCount })})
        </span>
        {role === 'lead' && (
          <Link href={correcting ? `/projects/${project.id}/documents/${doc.id}` : `?mode=correct`} data-testid="correct-toggle">
            {correcting ? t('correct.done') : t('correct.mode')}
          </Link>
        )}
        <details className="document-details">
          <summary>
            {t('doc.details')}
            <span className="muted">
              {' '}
              · {t('memos.document')} ({docMemos.length})
            </span>
          </summary>
          {Object.keys(doc.attributes).length > 0 && (
            <p className="muted">
              {Object.entries(doc.attributes)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')}
            </p>
          )}
          <MemoPanel
            projectId={String(project.id)}
            kind="document"
            targetId={doc.id}
            memos={docMemos}
            userId={user.id}
            canWrite={role !== 'viewer'}
            isLead={role === 'lead'}
            title={t('memos.document')}
          />
        </details>
      </header>
      {flagged > 0 && (
        <p className="badge warn" role="note">
          {t('correct.needsReview', { n: flagged })}
        </p>
      )}
      {correcting ? (
        <CorrectionPanel
          projectId={String(project.id)}
          documentId={doc.id}
          version={doc.version}
          turns={turns.map((x, i) => ({ speakerKind: x.kind, participantId: doc.turns[i].participantId, speaker: x.speaker, text: x.text }))}
          participants={doc.participants.map((p) => ({ id: p.id, label: p.label }))}
        />
      ) : (
      <CodingEditor
        key={`${doc.id}:${doc.version}:${layers.map(layerKey).join(',')}`}
        projectId={String(project.id)}
        documentId={doc.id}
        version={doc.version}
        turns={toJsonText(packTurns(turns))}
        codes={codes}
        codings={toJsonText(toColumns(visibleCodings))}
        initialRange={initialRange}
        canCreateCodes={!!editLayer && (role === 'lead' || project.codersMayCreateCodes)}
        editLayer={editLayer}
        coderColors={coderLayers.length > 1 || layers.length > 1 ? coderColors : null}
        layers={layers.map(layerKey)}
        userId={user.id}
        layerPicker={
          choices.length > 1 && (
            <LayerPicker
              choices={choices}
              selected={layers.map(layerKey)}
              edit={editLayer ? layerKey(editLayer) : null}
              editable={[...(mayCode ? [layerKey(own)] : []), ...(role === 'lead' ? ['consensus'] : [])]}
              coderColors={coderColors}
            />
          )
        }
      />
      )}
    </section>
  );
}
