'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { valueKey } from '@/lib/attributes/validate';
import { formatBytes } from '@/lib/import/errors';
import { prefillSpeakers } from '@/lib/import/mapping';
import { useI18n } from '../I18nProvider';
import type { AttributeField } from './AttributeInput';
import { postForm } from './post-form';
import { TranscriptItem } from './TranscriptItem';
import type { ImportedDocumentView, ImportGroupView, ImportItem, PreviewResult } from './types';

const ACCEPT = '.docx,.txt,.md,.vtt,.srt';

/**
 * Importing transcripts: choose files (or paste text), check each preview — encoding,
 * turns, who speaks under each label, document attributes — then import the whole batch in
 * one go. The server stores all of it or nothing and names every problem by file.
 */
export function TranscriptImport({
  projectId,
  perFileLimit,
  groups,
  definitions,
}: {
  projectId: string;
  perFileLimit: number;
  groups: ImportGroupView[];
  definitions: AttributeField[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [items, setItems] = useState<ImportItem[]>([]);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'done'; documents: ImportedDocumentView[] } | { kind: 'failed'; message: string; problems: string[] } | null>(null);
  const nextKey = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const base = `/api/v1/projects/${projectId}/imports`;

  const update = (key: string, patch: Partial<ImportItem> | ((current: ImportItem) => Partial<ImportItem>)) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...(typeof patch === 'function' ? patch(i) : patch) } : i)));

  async function preview(item: ImportItem, encoding: string | null) {
    update(item.key, { status: 'loading', encoding });
    const form = new FormData();
    if (item.source.kind === 'file') {
      form.append('files', item.source.file);
      form.append('options', JSON.stringify({ encodings: [encoding] }));
    } else {
      form.append('pasted', item.source.text);
    }
    const answer = await postForm<{ previews: PreviewResult[] }>(`${base}/preview`, form);
    const result: PreviewResult | undefined = answer.ok ? answer.value.previews[0] : undefined;
    if (!result || !result.ok) {
      update(item.key, { status: 'error', error: result && !result.ok ? result.error : answer.ok ? t('imports.item.unreadable') : answer.error });
      return;
    }
    update(item.key, (current) => {
      const labels = result.preview.labels.map((l) => l.label);
      const group = current.target === null ? null : (groups.find((g) => g.id === current.target) ?? null);
      const fresh = prefillSpeakers(labels, group);
      // Keep what the lead chose for labels that are still there (a re-read in another encoding).
      const speakers = Object.fromEntries(labels.map((l) => [l, Object.hasOwn(current.speakers, l) ? current.speakers[l] : fresh[l]]));
      return { status: 'ready', error: undefined, preview: result.preview, title: current.title || result.preview.suggestedTitle, speakers };
    });
  }

  function add(source: ImportItem['source'], name: string, size: number) {
    const item: ImportItem = {
      key: String(nextKey.current++),
      source,
      name,
      encoding: null,
      status: 'loading',
      title: '',
      target: null,
      speakers: {},
      unlabelled: { kind: 'unknown' },
      attributes: {},
    };
    // Checked here too, so an oversized file is named at once instead of after its upload.
    if (size > perFileLimit) {
      item.status = 'error';
      item.error = t('imports.file.tooLarge', { name, size: formatBytes(size), limit: formatBytes(perFileLimit) });
    }
    setItems((list) => [...list, item]);
    setOutcome(null);
    if (item.status === 'loading') void preview(item, null);
  }

  async function submit() {
    const ready = items.filter((i) => i.status === 'ready' && i.preview);
    const form = new FormData();
    let files = 0;
    let texts = 0;
    const manifest = ready.map((i) => {
      const p = i.preview!;
      let source: { file: number } | { pasted: number };
      if (i.source.kind === 'file') {
        form.append('files', i.source.file);
        source = { file: files++ };
      } else {
        form.append('pasted', i.source.text);
        source = { pasted: texts++ };
      }
      return {
        source,
        title: i.title,
        encoding: p.kind === 'text' ? p.encoding : undefined,
        documentId: i.target,
        speakers: i.speakers,
        unlabelled: p.unlabelledTurns > 0 ? i.unlabelled : undefined,
        attributes: Object.fromEntries(Object.entries(i.attributes).filter(([, v]) => v.trim() !== '')),
      };
    });
    form.append('manifest', JSON.stringify({ items: manifest }));
    setBusy(true);
    const answer = await postForm<{ documents: ImportedDocumentView[] }>(base, form);
    setBusy(false);
    if (answer.ok) {
      setOutcome({ kind: 'done', documents: answer.value.documents });
      setItems([]);
      router.refresh();
    } else {
      setOutcome({
        kind: 'failed',
        message: answer.status === 422 ? t('imports.batch.failed') : t('common.error', { message: answer.error }),
        problems: answer.problems,
      });
    }
  }

  const titleCounts = new Map<string, number>();
  for (const i of items) if (i.status === 'ready') titleCounts.set(valueKey(i.title), (titleCounts.get(valueKey(i.title)) ?? 0) + 1);
  const ready = items.filter((i) => i.status === 'ready').length;
  const loading = items.some((i) => i.status === 'loading');
  const failed = items.some((i) => i.status === 'error');

  return (
    <div className="transcript-import" data-testid="transcript-import">
      <p className="hint">{t('imports.transcripts.help', { limit: formatBytes(perFileLimit) })}</p>
      <div className="inline-form">
        <label className="file-pick">
          {t('imports.transcripts.choose')}
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(e) => {
              for (const file of Array.from(e.target.files ?? [])) add({ kind: 'file', file }, file.name, file.size);
              if (fileInput.current) fileInput.current.value = '';
            }}
          />
        </label>
      </div>
      <details className="import-paste">
        <summary>{t('imports.paste.title')}</summary>
        <textarea aria-label={t('imports.paste.label')} rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={t('imports.paste.placeholder')} />
        <button
          type="button"
          className="secondary"
          disabled={pasted.trim() === ''}
          onClick={() => {
            add({ kind: 'pasted', text: pasted }, t('imports.paste.name'), new TextEncoder().encode(pasted).length);
            setPasted('');
          }}
        >
          {t('imports.paste.preview')}
        </button>
      </details>

      {items.map((item) => (
        <TranscriptItem
          key={item.key}
          item={item}
          groups={groups}
          definitions={definitions}
          duplicateTitle={item.status === 'ready' && item.title.trim() !== '' && (titleCounts.get(valueKey(item.title)) ?? 0) > 1}
          onChange={(patch) => update(item.key, patch)}
          onEncoding={(encoding) => void preview(item, encoding)}
          onRemove={() => setItems((list) => list.filter((i) => i.key !== item.key))}
        />
      ))}

      {items.length > 0 && (
        <div className="import-actions">
          <button type="button" disabled={busy || loading || failed || ready === 0} onClick={() => void submit()}>
            {busy ? t('imports.batch.importing') : t('imports.batch.import', { n: ready })}
          </button>
          {failed && <span className="hint">{t('imports.batch.removeBad')}</span>}
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div className="import-problems" role="alert">
          <p>{outcome.message}</p>
          <ul>
            {outcome.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'done' && (
        <div role="status" className="import-done">
          <p>{t('imports.batch.done', { n: outcome.documents.length })}</p>
          <ul>
            {outcome.documents.map((d) => (
              <li key={d.id}>
                <Link href={`/projects/${projectId}/documents/${d.id}`}>{d.title}</Link>{' '}
                <span className="muted">{t('imports.batch.doneItem', { turns: d.turns, words: d.words, participants: d.participantsCreated })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
