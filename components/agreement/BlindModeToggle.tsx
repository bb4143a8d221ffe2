'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setBlindModeAction } from '@/server/actions/assignments';
import { useI18n } from '../I18nProvider';

/** The project's blind mode, and the button that flips it. */
export function BlindModeToggle({ projectId, blindMode }: { projectId: string; blindMode: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="blind-mode" data-testid="blind-mode" data-on={blindMode}>
      <p className={blindMode ? 'blind-on' : 'blind-off'}>{blindMode ? t('projectSettings.on') : t('projectSettings.off')}</p>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await setBlindModeAction(projectId, { blindMode: !blindMode });
            setError(r.ok ? null : t('common.error', { message: r.error }));
            if (r.ok) router.refresh();
          })
        }
      >
        {blindMode ? t('projectSettings.turnOff') : t('projectSettings.turnOn')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
