'use client';
import { useState, useTransition } from 'react';
import { createUserAction, endSessionsAction, resetPasswordAction, setUserFlagsAction } from '@/server/actions/users';
import { useI18n } from './I18nProvider';

interface UserRow {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
}

export function UsersAdmin({ users, selfId }: { users: UserRow[]; selfId: number }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (p: Promise<{ ok: boolean; error?: string }>, saved = t('common.saved')) =>
    start(async () => {
      const r = await p;
      setMessage(r.ok ? saved : t('common.error', { message: r.error ?? '' }));
    });
  return (
    <>
      <h1>{t('users.title')}</h1>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('members.name')}</th>
            <th>{t('members.email')}</th>
            <th>{t('users.admin')}</th>
            <th>{t('users.disabled')}</th>
            <th>{t('users.reset')}</th>
            <th>{t('users.sessions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <input
                  type="checkbox"
                  checked={u.isAdmin}
                  disabled={pending || u.id === selfId}
                  aria-label={`${t('users.admin')}: ${u.email}`}
                  onChange={(e) => run(setUserFlagsAction({ userId: u.id, isAdmin: e.target.checked }))}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={u.disabled}
                  disabled={pending || u.id === selfId}
                  aria-label={`${t('users.disabled')}: ${u.email}`}
                  onChange={(e) => run(setUserFlagsAction({ userId: u.id, disabled: e.target.checked }))}
                />
              </td>
              <td>
                <details>
                  <summary>{t('users.reset')}</summary>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const form = e.currentTarget;
                      const password = String(new FormData(form).get('password') ?? '');
                      run(resetPasswordAction({ userId: u.id, password }), t('users.resetDone', { email: u.email }));
                      form.reset();
                    }}
                  >
                    <input name="password" type="password" autoComplete="new-password" required aria-label={t('users.resetNew', { email: u.email })} />
                    <button type="submit" disabled={pending}>
                      {t('users.reset')}
                    </button>
                  </form>
                </details>
              </td>
              <td>
                {/* One's own sessions end from Settings ("all other devices"), which keeps this one. */}
                <button
                  type="button"
                  disabled={pending || u.id === selfId}
                  aria-label={t('users.signOutEverywhereOf', { email: u.email })}
                  onClick={() => run(endSessionsAction({ userId: u.id }), t('users.signedOutEverywhere', { email: u.email }))}
                >
                  {t('users.signOutEverywhere')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('users.create')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run(
            createUserAction({
              email: f.get('email'),
              name: f.get('name'),
              password: f.get('password'),
              isAdmin: f.get('isAdmin') === 'on',
            }),
          );
        }}
      >
        <input name="name" placeholder={t('members.name')} aria-label={t('members.name')} required />
        <input name="email" type="email" placeholder={t('members.email')} aria-label={t('members.email')} required />
        <input name="password" type="password" placeholder={t('users.password')} aria-label={t('users.password')} required />
        <label>
          <input name="isAdmin" type="checkbox" /> {t('users.makeAdmin')}
        </label>
        <button type="submit" disabled={pending}>
          {t('users.create')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </>
  );
}
