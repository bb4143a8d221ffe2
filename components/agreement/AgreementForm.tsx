/** The choice of coders, documents, codes and settings: a plain GET form, so every report has a link. */
import type { AgreementSelection } from '@/lib/agreement/selection';
import type { Translate } from '@/lib/i18n';
import type { AgreementChoices } from '@/lib/agreement/types';

export function AgreementForm({
  choices,
  selection,
  coders,
  t,
}: {
  choices: AgreementChoices;
  selection: AgreementSelection;
  /** The coders compared (the selection's, or the default). */
  coders: number[];
  t: Translate;
}) {
  const names = new Map(choices.coders.map((c) => [c.id, c.name]));
  return (
    <form method="get" className="agreement-form" data-testid="agreement-form">
      <fieldset>
        <legend>{t('agreement.form.coders')}</legend>
        {choices.coders.map((c) => (
          <label key={c.id}>
            <input type="checkbox" name="coders" value={c.id} defaultChecked={coders.includes(c.id)} /> {c.name}{' '}
            <span className="muted">({t('agreement.form.assigned', { n: c.assigned })})</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="agreement-documents">
        <legend>{t('agreement.form.documents')}</legend>
        <p className="hint">{t('agreement.form.documentsHelp')}</p>
        <div className="agreement-document-list">
          {choices.documents.map((d) => (
            <label key={d.id} title={d.coders.map((id) => names.get(id) ?? `#${id}`).join(', ')}>
              <input type="checkbox" name="documents" value={d.id} defaultChecked={selection.documents?.includes(d.id) ?? false} /> {d.title}{' '}
              <span className="muted">({t('agreement.form.docCoders', { n: d.coders.length })})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="agreement-settings">
        <label>
          {t('agreement.form.codes')}
          <select name="codes" multiple size={8} defaultValue={(selection.codes ?? []).map(String)}>
            {choices.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
          <span className="hint">{t('agreement.form.codesHelp')}</span>
        </label>
        <label>
          {t('agreement.form.threshold')}
          <input type="number" name="threshold" min={1} max={100} step="any" defaultValue={selection.thresholdPercent} />
        </label>
        <label>
          {t('agreement.form.samples')}
          <input type="number" name="samples" min={0} max={10000} step={1} defaultValue={selection.samples} />
        </label>
        <label>
          {t('agreement.form.seed')}
          <input type="number" name="seed" min={0} step={1} defaultValue={selection.seed} />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="unitized" value="1" defaultChecked={selection.unitized} /> {t('agreement.form.unitized')}
          <span className="hint">{t('agreement.form.unitizedHelp')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="uncoded" value="exclude" defaultChecked={selection.excludeUncoded} /> {t('agreement.form.excludeUncoded')}
          <span className="hint">{t('agreement.form.excludeUncodedHelp')}</span>
        </label>
        <button type="submit">{t('agreement.form.submit')}</button>
      </div>
    </form>
  );
}
