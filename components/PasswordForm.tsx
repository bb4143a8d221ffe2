'use client';
import { useState, type FormEvent } from 'react';
import { changePasswordAction } from '@/server/actions/users';
import { useI18n } from './I18nProvider';

/** Change one's own password: the current one, the new one twice. `then` is where to go after. */
export function PasswordForm({ then }: { then?: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const password = String(f.get('password') ?? '');
    if (password !== String(f.get('repeat') ?? '')) return setMessage({ ok: false, text: t('password.mismatch') });
    setBusy(true);
    const r = await changePasswordAction({ current: String(f.get('current') ?? ''), password });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error });
    form.reset();
    setMessage({ ok: true, text: t('password.changed') });
    if (then) window.location.assign(then);
  }

  return (
    <form className="stack narrow" onSubmit={submit} aria-label={t('password.title')}>
      <label>
        {t('password.current')}
        <input name="current" type="password" required autoComplete="current-password" />
      </label>
      <label>
        {t('password.new')}
        <input name="password" type="password" required autoComplete="new-password" />
      </label>
      <label>
        {t('password.repeat')}
        <input name="repeat" type="password" required autoComplete="new-password" />
      </label>
      <p className="hint">{t('password.policy')}</p>
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
