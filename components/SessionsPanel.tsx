'use client';
import { useState, useTransition } from 'react';
import { endOtherSessionsAction } from '@/server/actions/users';
import { useI18n } from './I18nProvider';

/** Settings: end every session of one's own but this one (a lost laptop, a shared computer). */
export function SessionsPanel() {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('settings.sessions')}</h2>
      <p>{t('settings.sessionsHelp')}</p>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await endOtherSessionsAction({});
            setMessage(r.ok ? { ok: true, text: t('settings.signedOutOthers') } : { ok: false, text: t('common.error', { message: r.error }) });
          })
        }
      >
        {t('settings.signOutOthers')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
