'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { createFirstAdminAction } from '@/server/actions/setup';
import { useI18n } from './I18nProvider';
import { NewPasswordFields, newPassword } from './NewPasswordFields';

/** The first-run screen's form: the first admin's name, email and password, then signed in. */
export function FirstRunForm() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = newPassword(f);
    if (password == null) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    const email = String(f.get('email') ?? '');
    const r = await createFirstAdminAction({ email, name: f.get('name'), password });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    await signIn('credentials', { redirect: false, email, password });
    window.location.assign('/');
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('setup.name')}
        <input name="name" required autoComplete="name" />
      </label>
      <label>
        {t('signin.email')}
        <input name="email" type="email" required autoComplete="username" />
      </label>
      <NewPasswordFields label="signin.password" repeatLabel="setup.repeat" />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
