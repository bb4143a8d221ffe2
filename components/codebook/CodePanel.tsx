'use client';
import { useState } from 'react';
import { useI18n } from '../I18nProvider';
import { ConfirmDialog } from './ConfirmDialog';
import { flatten, isWithin, keyboardMove, type KeyboardMove } from './tree';
import { totalCodings, type EditorCode } from './types';

type Fields = Pick<EditorCode, 'name' | 'color' | 'description' | 'inclusion' | 'exclusion' | 'example'> & { shortcut: string };

export interface PanelHandlers {
  save: (codeId: number, fields: Fields) => void;
  move: (codeId: number, move: KeyboardMove) => void;
  setArchived: (codeId: number, archived: boolean) => void;
  merge: (sourceId: number, targetId: number) => void;
  remove: (codeId: number, confirmCodings: number) => void;
}

const fieldsOf = (c: EditorCode): Fields => ({
  name: c.name,
  color: c.color.toLowerCase(),
  description: c.description,
  inclusion: c.inclusion,
  exclusion: c.exclusion,
  example: c.example,
  shortcut: c.shortcut ?? '',
});

/**
 * The side panel for the selected code: every field, position buttons (the same moves as
 * Alt+arrows), archive, merge and delete. Render it with a `key` that changes when the
 * stored code changes, so the form starts from what is stored.
 */
export function CodePanel({ code, tree, pending, on }: { code: EditorCode; tree: EditorCode[]; pending: boolean; on: PanelHandlers }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(code));
  const [mergeTarget, setMergeTarget] = useState('');
  const [dialog, setDialog] = useState<'merge' | 'delete' | null>(null);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const dirty = JSON.stringify(fields) !== JSON.stringify(fieldsOf(code));
  const codings = totalCodings(code);
  const targets = flatten(tree).filter(({ node }) => !isWithin(tree, code.id, node.id));
  const target = targets.find(({ node }) => String(node.id) === mergeTarget)?.node;
  const moves: { move: KeyboardMove; label: string; keys: string }[] = [
    { move: 'up', label: t('codebookEditor.moveUp'), keys: 'Alt+ArrowUp' },
    { move: 'down', label: t('codebookEditor.moveDown'), keys: 'Alt+ArrowDown' },
    { move: 'in', label: t('codebookEditor.indent'), keys: 'Alt+ArrowRight' },
    { move: 'out', label: t('codebookEditor.outdent'), keys: 'Alt+ArrowLeft' },
  ];

  return (
    <aside className="cbe-panel" data-testid="code-panel" aria-label={t('codebookEditor.editing', { name: code.name })}>
      <h2>{t('codebookEditor.editing', { name: code.name })}</h2>
      {code.archived && <p className="hint">{t('codebookEditor.archivedNote')}</p>}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          on.save(code.id, fields);
        }}
      >
        <label>
          {t('codebookEditor.name')}
          <input value={fields.name} onChange={set('name')} required maxLength={200} data-testid="code-name-input" />
        </label>
        <div className="cbe-row-fields">
          <label>
            {t('codebookEditor.color')}
            <input type="color" value={fields.color} onChange={set('color')} />
          </label>
          <label>
            {t('codebook.shortcut')}
            <input
              value={fields.shortcut}
              onChange={set('shortcut')}
              maxLength={2}
              size={3}
              aria-describedby={`shortcut-hint-${code.id}`}
            />
          </label>
          <span className="hint" id={`shortcut-hint-${code.id}`}>
            {t('codebookEditor.shortcutHint')}
          </span>
        </div>
        {(['description', 'inclusion', 'exclusion', 'example'] as const).map((field) => (
          <label key={field}>
            {t(`codebook.${field}`)}
            <textarea value={fields[field]} onChange={set(field)} rows={field === 'description' ? 3 : 2} maxLength={10_000} />
          </label>
        ))}
        <div>
          <button type="submit" disabled={pending || !dirty}>
            {t('codebookEditor.save')}
          </button>
        </div>
      </form>

      <fieldset className="cbe-actions">
        <legend>{t('codebookEditor.position')}</legend>
        {moves.map(({ move, label, keys }) => (
          <button
            key={move}
            type="button"
            className="secondary"
            aria-keyshortcuts={keys}
            disabled={pending || !keyboardMove(tree, code.id, move)}
            onClick={() => on.move(code.id, move)}
          >
            {label}
          </button>
        ))}
      </fieldset>

      <div className="cbe-actions">
        <button type="button" className="secondary" disabled={pending} onClick={() => on.setArchived(code.id, !code.archived)}>
          {code.archived ? t('codebookEditor.unarchive') : t('codebookEditor.archive')}
        </button>
      </div>

      <div className="cbe-actions">
        <label className="stack-label">
          {t('codebookEditor.mergeInto')}
          <select value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)} data-testid="merge-target">
            <option value="">{t('codebookEditor.mergeChoose')}</option>
            {targets.map(({ node, depth }) => (
              <option key={node.id} value={node.id}>
                {'\u00a0\u00a0'.repeat(depth) + node.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={pending || !target} onClick={() => setDialog('merge')}>
          {t('codebookEditor.merge')}
        </button>
      </div>

      <div className="cbe-actions">
        <button
          type="button"
          className="danger"
          disabled={pending || code.children.length > 0}
          aria-describedby={code.children.length > 0 ? `delete-hint-${code.id}` : undefined}
          onClick={() => setDialog('delete')}
        >
          {t('codebookEditor.delete')}
        </button>
        {code.children.length > 0 && (
          <span className="hint" id={`delete-hint-${code.id}`}>
            {t('codebookEditor.deleteHasChildren')}
          </span>
        )}
      </div>

      {dialog === 'merge' && target && (
        <ConfirmDialog
          title={t('codebookEditor.mergeTitle')}
          confirmLabel={t('codebookEditor.mergeDo')}
          onConfirm={() => on.merge(code.id, target.id)}
          onClose={() => setDialog(null)}
          testId="merge-dialog"
        >
          <p>{t('codebookEditor.mergeConfirm', { source: code.name, target: target.name, n: codings })}</p>
        </ConfirmDialog>
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={t('codebookEditor.deleteTitle')}
          confirmLabel={t('codebookEditor.deleteDo')}
          danger
          onConfirm={() => on.remove(code.id, codings)}
          onClose={() => setDialog(null)}
          testId="delete-dialog"
        >
          <p>{t('codebookEditor.deleteConfirm', { name: code.name })}</p>
          <p>
            <strong>{codings > 0 ? t('codebookEditor.deleteCodings', { n: codings }) : t('codebookEditor.deleteUnused')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </aside>
  );
}
