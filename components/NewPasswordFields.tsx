'use client';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from './I18nProvider';

/**
 * The new-password pair every password form asks for: the password, the same again, and the
 * policy hint below them. The inputs are named `password` and `repeat`; read them with
 * `newPassword`.
 */
export function NewPasswordFields({ label, repeatLabel }: { label: MessageKey; repeatLabel: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t(label)}
        <input name="password" type="password" required autoComplete="new-password" />
      </label>
      <label>
        {t(repeatLabel)}
        <input name="repeat" type="password" required autoComplete="new-password" />
      </label>
      <p className="hint">{t('password.policy')}</p>
    </>
  );
}

/** The new password of a form with NewPasswordFields, or null when the repeat differs. */
export function newPassword(form: FormData): string | null {
  const password = String(form.get('password') ?? '');
  return password === String(form.get('repeat') ?? '') ? password : null;
}
