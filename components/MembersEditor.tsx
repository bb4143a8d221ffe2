'use client';
import { useState, useTransition } from 'react';
import { addMemberAction, removeMemberAction } from '@/server/actions/members';
import { useI18n } from './I18nProvider';

type Role = 'lead' | 'coder' | 'viewer';
const ROLES: Role[] = ['lead', 'coder', 'viewer'];

export function MembersEditor({
  projectId,
  members,
}: {
  projectId: string;
  members: Array<{ userId: number; email: string; name: string; role: Role }>;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (p: Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await p;
      setMessage(r.ok ? t('common.saved') : t('common.error', { message: r.error ?? '' }));
    });

  return (
    <>
      <h2>{t('members.title')}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('members.name')}</th>
            <th>{t('members.email')}</th>
            <th>{t('members.role')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                <select
                  defaultValue={m.role}
                  disabled={pending}
                  aria-label={`${t('members.role')}: ${m.email}`}
                  onChange={(e) => run(addMemberAction(projectId, { email: m.email, role: e.target.value }))}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="link-button" disabled={pending} onClick={() => run(removeMemberAction(projectId, { userId: m.userId }))}>
                  {t('members.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run(addMemberAction(projectId, { email: f.get('email'), role: f.get('role') }));
        }}
      >
        <input name="email" type="email" placeholder={t('members.email')} required aria-label={t('members.email')} />
        <select name="role" defaultValue="coder" aria-label={t('members.role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending}>
          {t('members.add')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </>
  );
}
