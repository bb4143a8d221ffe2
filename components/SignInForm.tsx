'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/auth/callback';
import { useI18n } from './I18nProvider';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setBusy(false);
    if (res?.ok && !res.error) {
      // The page passes a checked path; checked again here, where the browser is sent.
      window.location.assign(safeCallbackPath(callbackUrl));
    } else {
      setError(res?.error === 'Throttled' ? t('signin.throttled') : t('signin.failed'));
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('signin.email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('signin.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signin.submit')}
      </button>
    </form>
  );
}
