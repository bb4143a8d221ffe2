'use client';
import { checkAttributeValue, valueKey } from '@/lib/attributes/validate';
import { ENCODING_CHOICES } from '@/lib/import/encoding';
import { prefillSpeakers, type SpeakerChoice } from '@/lib/import/mapping';
import { useI18n } from '../I18nProvider';
import { AttributeInput, type AttributeField } from './AttributeInput';
import { SpeakerSelect } from './SpeakerSelect';
import type { ImportGroupView, ImportItem } from './types';

/**
 * One transcript of the batch: its title (or the group it replaces), its encoding with the
 * decoded text to judge it by, the turns found, who speaks under each label, and document
 * attributes. Changes go up through `onChange`; a different encoding re-runs the preview.
 */
export function TranscriptItem({
  item,
  groups,
  definitions,
  duplicateTitle,
  onChange,
  onEncoding,
  onRemove,
}: {
  item: ImportItem;
  groups: readonly ImportGroupView[];
  definitions: readonly AttributeField[];
  duplicateTitle: boolean;
  onChange: (patch: Partial<ImportItem>) => void;
  onEncoding: (encoding: string) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const p = item.preview;
  const target = item.target === null ? undefined : groups.find((g) => g.id === item.target);
  const sameTitle = groups.find((g) => valueKey(g.title) === valueKey(item.title) && g.id !== item.target);
  const groupParticipants = target?.participants ?? [];

  /** Import into an existing group (or not): the mapping starts again from that group. */
  const setTarget = (groupId: number | null) => {
    if (!p) return;
    const group = groupId === null ? null : (groups.find((g) => g.id === groupId) ?? null);
    onChange({
      target: groupId,
      title: group ? group.title : item.title,
      speakers: prefillSpeakers(p.labels.map((l) => l.label), group),
      unlabelled: { kind: 'unknown' },
    });
  };
  const setSpeaker = (label: string, choice: SpeakerChoice) => onChange({ speakers: { ...item.speakers, [label]: choice } });

  return (
    <article className="import-item" data-testid="import-item" aria-label={item.name}>
      <header className="import-item-head">
        <strong>{item.name}</strong>
        {p && (
          <span className="muted">
            {t('imports.item.summary', { turns: p.turnCount, words: p.wordCount, labels: p.labels.length })}
          </span>
        )}
        <button type="button" className="link-button" onClick={onRemove}>
          {t('imports.item.remove')}
        </button>
      </header>
      {item.status === 'loading' && <p className="muted">{t('imports.item.reading')}</p>}
      {item.status === 'error' && (
        <p className="error" role="alert">
          {item.error}
        </p>
      )}
      {item.status === 'ready' && p && (
        <>
          <div className="import-fields">
            <label>
              {t('imports.item.title')}
              <input value={item.title} maxLength={200} size={40} onChange={(e) => onChange({ title: e.target.value })} />
            </label>
            {p.kind === 'text' && (
              <label>
                {t('imports.item.encoding')}
                <select value={item.encoding ?? p.encoding} onChange={(e) => onEncoding(e.target.value)}>
                  {[...new Set([p.encoding, ...ENCODING_CHOICES])].map((e) => (
                    <option key={e} value={e}>
                      {e}
                      {e === p.detectedEncoding ? ` (${t('imports.item.detected')})` : ''}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {target && (
            <p className="import-note" role="note">
              {t('imports.item.replacing', { title: target.title, turns: target.turnCount })}{' '}
              <button type="button" className="link-button" onClick={() => setTarget(null)}>
                {t('imports.item.newInstead')}
              </button>
            </p>
          )}
          {sameTitle && (
            <p className="error" role="alert">
              {t('imports.item.titleExists', { title: sameTitle.title })}{' '}
              {sameTitle.codingCount === 0 ? (
                <button type="button" className="link-button" onClick={() => setTarget(sameTitle.id)}>
                  {t('imports.item.replace', { turns: sameTitle.turnCount })}
                </button>
              ) : (
                t('imports.item.hasCodings', { n: sameTitle.codingCount })
              )}
            </p>
          )}
          {duplicateTitle && (
            <p className="error" role="alert">
              {t('imports.item.duplicateTitle')}
            </p>
          )}
          {p.sample && (
            <details className="import-sample" open={p.encoding !== p.detectedEncoding || undefined}>
              <summary>{t('imports.item.decoded', { encoding: p.encoding })}</summary>
              <pre>{p.sample}</pre>
            </details>
          )}

          <h4>{t('imports.map.title')}</h4>
          {p.labels.length === 0 && <p className="hint">{t('imports.map.noLabels')}</p>}
          <table className="grid import-mapping">
            <thead>
              <tr>
                <th>{t('imports.map.label')}</th>
                <th className="num">{t('imports.map.turns')}</th>
                <th className="num">{t('imports.map.words')}</th>
                <th>{t('imports.map.speaker')}</th>
              </tr>
            </thead>
            <tbody>
              {p.labels.map((l) => (
                <tr key={l.label}>
                  <td>{l.label}</td>
                  <td className="num">{l.turns}</td>
                  <td className="num">{l.words}</td>
                  <td>
                    <SpeakerSelect
                      label={t('imports.map.speakerFor', { label: l.label })}
                      choice={item.speakers[l.label] ?? { kind: 'unknown' }}
                      participants={groupParticipants}
                      suggestedLabel={l.label}
                      newLabelName={t('imports.map.newLabel', { label: l.label })}
                      onChange={(c) => setSpeaker(l.label, c)}
                    />
                  </td>
                </tr>
              ))}
              {p.unlabelledTurns > 0 && (
                <tr>
                  <td>
                    <em>{t('imports.map.unlabelled')}</em>
                  </td>
                  <td className="num">{p.unlabelledTurns}</td>
                  <td className="num">{p.unlabelledWords}</td>
                  <td>
                    <SpeakerSelect
                      label={t('imports.map.unlabelledSpeaker')}
                      choice={item.unlabelled}
                      participants={groupParticipants}
                      suggestedLabel="P1"
                      newLabelName={t('imports.map.newLabel', { label: t('imports.map.unlabelled') })}
                      onChange={(c) => onChange({ unlabelled: c })}
                    />
                  </td>
                </tr>
              )}
            </tbody>
          </table>

          {definitions.length > 0 && (
            <fieldset className="import-attributes">
              <legend>{t('imports.item.attributes')}</legend>
              {definitions.map((d) => {
                const value = item.attributes[d.id] ?? '';
                const check = checkAttributeValue(d, value);
                return (
                  <label key={d.id}>
                    {d.name}
                    <AttributeInput
                      field={d}
                      value={value}
                      label={d.name}
                      invalid={!check.ok}
                      title={check.ok ? undefined : check.message}
                      onChange={(v) => onChange({ attributes: { ...item.attributes, [d.id]: v } })}
                    />
                  </label>
                );
              })}
            </fieldset>
          )}

          <h4>{t('imports.item.turnsTitle', { shown: p.turns.length, n: p.turnCount })}</h4>
          <div className="import-turns">
            <table className="grid" data-testid="import-turns">
              <tbody>
                {p.turns.map((turn, i) => (
                  <tr key={i}>
                    <td className="num muted">{i + 1}</td>
                    <td className="muted">{turn.timestamp ?? ''}</td>
                    <td>{turn.speaker ?? <em className="muted">{t('imports.map.none')}</em>}</td>
                    <td>{turn.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
