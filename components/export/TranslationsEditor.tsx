'use client';
import { useEffect, useState, useTransition } from 'react';
import { deleteTranslationAction, saveTranslationAction } from '@/server/actions/translations';
import { COMMON_LANGUAGES, languageName, parseLanguageTag } from '@/lib/translation/language-tag';
import { useI18n } from '../I18nProvider';
import type { TranslationView } from '@/lib/translation/views';

/**
 * The translations of one coding, for the coding info panel: each with its language and
 * author, editable and deletable by those who may (`canEdit`), and a form to add one into
 * English, Russian, Kazakh or any other language code.
 *
 * `translations` is what the server has (translationsForCoding, or the translationsAction /
 * GET …/translations of a coding); saves and deletes go through the translation actions,
 * which check the same rules as the API.
 */
export function TranslationsEditor({
  projectId,
  codingId,
  translations,
  canEdit,
}: {
  projectId: string | number;
  codingId: number;
  translations: TranslationView[];
  canEdit: boolean;
}) {
  const { t, locale } = useI18n();
  const [list, setList] = useState(translations);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [newLang, setNewLang] = useState<string>(() => COMMON_LANGUAGES.find((l) => !translations.some((x) => x.language === l)) ?? 'other');
  const [otherLang, setOtherLang] = useState('');
  const [newText, setNewText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const pid = String(projectId);
  // Another coding (or fresh data from the server) replaces what is shown.
  useEffect(() => {
    setList(translations);
    setEditing(null);
    setError(null);
  }, [codingId, translations]);

  const run = (action: () => Promise<{ ok: true; value: TranslationView[] } | { ok: false; error: string }>, then?: () => void) =>
    startTransition(async () => {
      setError(null);
      const r = await action();
      if (r.ok) {
        setList(r.value);
        then?.();
      } else setError(r.error);
    });

  const language = newLang === 'other' ? parseLanguageTag(otherLang) : newLang;
  const taken = language ? list.some((x) => x.language === language) : false;
  const name = (tag: string) => languageName(tag, locale);

  return (
    <div className="translations" data-testid="translations-editor">
      <strong className="translations-title">{t('exports.tr.title')}</strong>
      {list.length === 0 && <p className="empty">{t('exports.tr.none')}</p>}
      <ul>
        {list.map((x) => (
          <li key={x.language} lang={x.language}>
            <div className="muted">
              {name(x.language)} ({x.language}) · {t('exports.tr.by', { name: x.authorName })}
            </div>
            {editing === x.language ? (
              <>
                <textarea value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} aria-label={t('exports.tr.text', { language: name(x.language) })} />
                <div className="actions">
                  <button type="button" disabled={pending || !draft.trim()} onClick={() => run(() => saveTranslationAction(pid, { codingId, language: x.language, text: draft }), () => setEditing(null))}>
                    {t('exports.tr.save')}
                  </button>
                  <button type="button" className="link-button" onClick={() => setEditing(null)}>
                    {t('exports.tr.cancel')}
                  </button>
                </div>
              </>
            ) : (
              <p className="translation-text">{x.text}</p>
            )}
            {canEdit && editing !== x.language && (
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    setEditing(x.language);
                    setDraft(x.text);
                  }}
                >
                  {t('exports.tr.edit')}
                </button>
                <button type="button" className="danger" disabled={pending} onClick={() => run(() => deleteTranslationAction(pid, { codingId, language: x.language }))}>
                  {t('exports.tr.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form
          className="translation-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!language || taken || !newText.trim()) return;
            run(() => saveTranslationAction(pid, { codingId, language, text: newText }), () => setNewText(''));
          }}
        >
          <label className="stack-label">
            {t('exports.tr.language')}
            <select value={newLang} onChange={(e) => setNewLang(e.target.value)}>
              {COMMON_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {name(l)}
                </option>
              ))}
              <option value="other">{t('exports.language.other')}</option>
            </select>
          </label>
          {newLang === 'other' && (
            <label className="stack-label">
              {t('exports.language.code')}
              <input type="text" value={otherLang} onChange={(e) => setOtherLang(e.target.value)} placeholder="de, tr, kk-Latn" />
            </label>
          )}
          {newLang === 'other' && otherLang.trim() !== '' && !language && <p className="error">{t('exports.language.invalid')}</p>}
          {taken && <p className="hint">{t('exports.tr.exists')}</p>}
          <label className="stack-label">
            {t('exports.tr.new')}
            <textarea value={newText} rows={3} onChange={(e) => setNewText(e.target.value)} />
          </label>
          <button type="submit" disabled={pending || !language || taken || !newText.trim()}>
            {t('exports.tr.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
