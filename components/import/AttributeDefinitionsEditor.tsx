'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createAttributeAction,
  deleteAttributeAction,
  updateAttributeAction,
} from '@/server/actions/attributes';
import type { ActionResult } from '@/server/edge/action';
import { formatBinsText, parseBinsText } from '@/lib/attributes/bins-text';
import type { AttributeBin } from '@/lib/attributes/types';
import { ATTRIBUTE_VALUE_TYPES, type AttributeValueType } from '@/lib/attributes/validate';
import { inferValueRenames } from '@/lib/attributes/value-renames';
import { ConfirmDialog } from '../codebook/ConfirmDialog';
import { useI18n } from '../I18nProvider';

export interface DefinitionView {
  id: number;
  scope: 'document' | 'participant';
  name: string;
  type: AttributeValueType;
  values: string[];
  bins: AttributeBin[];
  private: boolean;
  valueCount: number;
}

type Outcome = { ok: boolean; text: string; problems?: string[] } | null;

function Problems({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <div className={outcome.ok ? 'import-done' : 'import-problems'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
      {outcome.problems && outcome.problems.length > 0 && (
        <ul>
          {outcome.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Lines of a textarea as a list: trimmed, blank lines dropped. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** One definition: name, type, ordered category values or number bins, private; save or delete. */
function DefinitionRow({ projectId, def, onDone }: { projectId: string; def: DefinitionView; onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(def.name);
  const [type, setType] = useState<AttributeValueType>(def.type);
  const [valuesText, setValuesText] = useState(def.values.join('\n'));
  const [binsText, setBinsText] = useState(formatBinsText(def.bins));
  const [isPrivate, setPrivate] = useState(def.private);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, start] = useTransition();

  const report = (r: ActionResult<unknown>, done: string) => {
    if (r.ok) {
      setOutcome({ ok: true, text: done });
      onDone();
    } else setOutcome({ ok: false, text: t('imports.attr.notSaved'), problems: r.problems ?? [r.error] });
  };
  const save = () => {
    const { bins, problems } = parseBinsText(binsText);
    if (type === 'number' && problems.length > 0) {
      setOutcome({ ok: false, text: t('imports.attr.notSaved'), problems });
      return;
    }
    const values = lines(valuesText);
    start(async () =>
      report(
        await updateAttributeAction(projectId, {
          attributeId: def.id,
          name,
          type,
          values,
          bins: type === 'number' ? bins : [],
          private: isPrivate,
          renames: type === 'category' && def.type === 'category' ? inferValueRenames(def.values, values) : {},
        }),
        t('common.saved'),
      ),
    );
  };

  return (
    <tr data-testid={`attribute-${def.name}`}>
      <td>
        <input aria-label={t('imports.attr.nameOf', { name: def.name })} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </td>
      <td>
        <select aria-label={t('imports.attr.typeOf', { name: def.name })} value={type} onChange={(e) => setType(e.target.value as AttributeValueType)}>
          {ATTRIBUTE_VALUE_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`imports.type.${x}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {type === 'category' && (
          <textarea aria-label={t('imports.attr.valuesOf', { name: def.name })} rows={Math.min(8, Math.max(2, lines(valuesText).length + 1))} value={valuesText} onChange={(e) => setValuesText(e.target.value)} />
        )}
        {type === 'number' && (
          <textarea aria-label={t('imports.attr.binsOf', { name: def.name })} rows={Math.min(8, Math.max(2, lines(binsText).length + 1))} value={binsText} placeholder={'18–29\n30–44\n45–60'} onChange={(e) => setBinsText(e.target.value)} />
        )}
      </td>
      <td>
        <input type="checkbox" aria-label={t('imports.attr.privateOf', { name: def.name })} checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
      </td>
      <td className="num">{def.valueCount}</td>
      <td>
        <div className="attr-actions">
          <button type="button" disabled={pending} onClick={save}>
            {t('imports.attr.save')}
          </button>
          <button type="button" className="secondary danger" disabled={pending} onClick={() => setConfirming(true)}>
            {t('imports.attr.delete')}
          </button>
        </div>
        <Problems outcome={outcome} />
        {confirming && (
          <ConfirmDialog
            title={t('imports.attr.deleteTitle')}
            confirmLabel={t('imports.attr.deleteDo')}
            danger
            onClose={() => setConfirming(false)}
            onConfirm={() => start(async () => report(await deleteAttributeAction(projectId, { attributeId: def.id, confirmValues: def.valueCount }), t('imports.attr.deleted')))}
            testId="attribute-delete-dialog"
          >
            <p>{t('imports.attr.deleteConfirm', { name: def.name, n: def.valueCount })}</p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

/** Adds a definition to a scope. */
function NewDefinition({ projectId, scope, onDone }: { projectId: string; scope: 'document' | 'participant'; onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeValueType>('category');
  const [valuesText, setValuesText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, start] = useTransition();
  const add = () => {
    const { bins, problems } = parseBinsText(type === 'number' ? valuesText : '');
    if (problems.length > 0) {
      setOutcome({ ok: false, text: t('imports.attr.notSaved'), problems });
      return;
    }
    start(async () => {
      const r = await createAttributeAction(projectId, { scope, name, type, values: type === 'category' ? lines(valuesText) : [], bins });
      if (r.ok) {
        setOutcome({ ok: true, text: t('imports.attr.created') });
        setName('');
        setValuesText('');
        onDone();
      } else setOutcome({ ok: false, text: t('imports.attr.notSaved'), problems: r.problems ?? [r.error] });
    });
  };
  return (
    <form
      className="inline-form attr-new"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <input aria-label={t('imports.attr.newName', { scope: t(`imports.attr.scope.${scope}`) })} placeholder={t('imports.attr.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      <select aria-label={t('imports.attr.newType')} value={type} onChange={(e) => setType(e.target.value as AttributeValueType)}>
        {ATTRIBUTE_VALUE_TYPES.map((x) => (
          <option key={x} value={x}>
            {t(`imports.type.${x}`)}
          </option>
        ))}
      </select>
      {(type === 'category' || type === 'number') && (
        <textarea
          aria-label={type === 'category' ? t('imports.attr.newValues') : t('imports.attr.newBins')}
          placeholder={type === 'category' ? t('imports.attr.valuesHint') : '18–29\n30–44\n45–60'}
          rows={3}
          value={valuesText}
          onChange={(e) => setValuesText(e.target.value)}
        />
      )}
      <button type="submit" disabled={pending}>
        {t('imports.attr.add')}
      </button>
      <Problems outcome={outcome} />
    </form>
  );
}

/** The attribute definitions of both scopes, each editable in place, with a form to add one. */
export function AttributeDefinitionsEditor({ projectId, definitions }: { projectId: string; definitions: DefinitionView[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const refresh = () => router.refresh();
  return (
    <div className="attr-editor">
      <p className="hint">{t('imports.attr.help')}</p>
      {(['document', 'participant'] as const).map((scope) => {
        const defs = definitions.filter((d) => d.scope === scope);
        return (
          <section key={scope} data-testid={`attributes-${scope}`}>
            <h3>{t(`imports.attr.scopeTitle.${scope}`)}</h3>
            {defs.length === 0 ? (
              <p className="empty">{t('imports.attr.none')}</p>
            ) : (
              <table className="grid attr-table">
                <thead>
                  <tr>
                    <th>{t('imports.attr.name')}</th>
                    <th>{t('imports.attr.type')}</th>
                    <th>{t('imports.attr.valuesOrBins')}</th>
                    <th>{t('imports.attr.private')}</th>
                    <th className="num">{t('imports.attr.count')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {defs.map((d) => (
                    <DefinitionRow key={d.id} projectId={projectId} def={d} onDone={refresh} />
                  ))}
                </tbody>
              </table>
            )}
            <NewDefinition projectId={projectId} scope={scope} onDone={refresh} />
          </section>
        );
      })}
    </div>
  );
}
