'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { saveDocumentAttributesAction } from '@/server/actions/attributes';
import { checkAttributeValue } from '@/lib/attributes/validate';
import { useI18n } from '../I18nProvider';
import { AttributeInput, type AttributeField } from './AttributeInput';

/**
 * Document attributes edited in bulk: documents as rows, document attributes as columns,
 * every cell editable by its type. Changed cells are marked, invalid ones flagged as they are
 * typed, and one save stores every change or, if any is refused, none.
 */
export function DocumentAttributesTable({
  projectId,
  definitions,
  documents,
}: {
  projectId: string;
  definitions: AttributeField[];
  documents: Array<{ id: number; title: string; values: Record<number, string> }>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const [pending, start] = useTransition();

  const key = (documentId: number, attributeId: number) => `${documentId}:${attributeId}`;
  const stored = (documentId: number, attributeId: number) => documents.find((d) => d.id === documentId)?.values[attributeId] ?? '';
  const changed = Object.entries(edits).filter(([k, v]) => {
    const [d, a] = k.split(':').map(Number);
    return v !== stored(d, a);
  });
  const invalid = changed.filter(([k, v]) => {
    const def = definitions.find((d) => d.id === Number(k.split(':')[1]));
    return def ? !checkAttributeValue(def, v).ok : false;
  }).length;

  const save = () =>
    start(async () => {
      const cells = changed.map(([k, value]) => {
        const [documentId, attributeId] = k.split(':').map(Number);
        return { documentId, attributeId, value };
      });
      const r = await saveDocumentAttributesAction(projectId, { cells });
      if (r.ok) {
        setOutcome({ ok: true, text: t('imports.table.saved', { n: r.value.changed }) });
        setEdits({});
        router.refresh();
      } else {
        setOutcome({ ok: false, text: t('imports.table.notSaved'), problems: r.problems ?? [r.error] });
      }
    });

  if (definitions.length === 0) return <p className="empty">{t('imports.table.noAttributes')}</p>;
  return (
    <div className="doc-attr-table">
      <div className="import-actions">
        <button type="button" disabled={pending || changed.length === 0 || invalid > 0} onClick={save}>
          {t('imports.table.save', { n: changed.length })}
        </button>
        {invalid > 0 && <span className="hint error">{t('imports.table.invalid', { n: invalid })}</span>}
      </div>
      {outcome && (
        <div className={outcome.ok ? 'import-done' : 'import-problems'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
          {outcome.problems && (
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <table className="grid" data-testid="document-attributes-table">
        <thead>
          <tr>
            <th>{t('docs.title')}</th>
            {definitions.map((d) => (
              <th key={d.id}>
                {d.name} <span className="muted">({t(`imports.type.${d.type}`)})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr key={doc.id}>
              <td>{doc.title}</td>
              {definitions.map((def) => {
                const k = key(doc.id, def.id);
                const value = Object.hasOwn(edits, k) ? edits[k] : (doc.values[def.id] ?? '');
                const check = checkAttributeValue(def, value);
                const dirty = value !== (doc.values[def.id] ?? '');
                return (
                  <td key={def.id} className={dirty ? 'cell-dirty' : undefined}>
                    <AttributeInput
                      field={def}
                      value={value}
                      label={t('imports.table.cell', { document: doc.title, attribute: def.name })}
                      invalid={!check.ok}
                      title={check.ok ? undefined : check.message}
                      onChange={(v) => setEdits({ ...edits, [k]: v })}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
