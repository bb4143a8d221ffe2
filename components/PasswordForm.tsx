'use client';
import { useState, type FormEvent } from 'react';
import { changePasswordAction } from '@/server/actions/users';
import { useI18n } from './I18nProvider';
import { NewPasswordFields, newPassword } from './NewPasswordFields';

/** Change one's own password: the current one, the new one twice. `then` is where to go after. */
export function PasswordForm({ then }: { then?: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const password = newPassword(f);
    if (password == null) return setMessage({ ok: false, text: t('password.mismatch') });
    setBusy(true);
    const r = await changePasswordAction({ current: String(f.get('current') ?? ''), password });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error });
    form.reset();
    setMessage({ ok: true, text: t('password.changed') });
    // Other sessions ended; this one was re-issued, unless it could not be (then: sign in again).
    if (!r.value.signedIn) window.location.assign('/signin');
    else if (then) window.location.assign(then);
  }

  return (
    <form className="stack narrow" onSubmit={submit} aria-label={t('password.title')}>
      <label>
        {t('password.current')}
        <input name="current" type="password" required autoComplete="current-password" />
      </label>
      <NewPasswordFields label="password.new" repeatLabel="password.repeat" />
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
