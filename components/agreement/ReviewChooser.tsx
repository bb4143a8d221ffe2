/** Picks the document and the coders whose disagreements to review: a plain GET form. */
import type { Translate } from '@/lib/i18n';

export function ReviewChooser({
  documents,
  coders,
  documentId,
  chosen,
  t,
}: {
  documents: Array<{ id: number; title: string }>;
  coders: Array<{ id: number; name: string }>;
  documentId: number | null;
  chosen: number[];
  t: Translate;
}) {
  return (
    <form method="get" className="inline-form review-chooser">
      <label>
        {t('review.document')}{' '}
        <select name="document" defaultValue={documentId ?? ''}>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('review.coders')}</legend>
        {coders.map((c) => (
          <label key={c.id}>
            <input type="checkbox" name="coders" value={c.id} defaultChecked={chosen.includes(c.id)} /> {c.name}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('review.open')}</button>
    </form>
  );
}
