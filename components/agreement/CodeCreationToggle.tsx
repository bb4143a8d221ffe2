'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setCodersMayCreateCodesAction } from '@/server/actions/assignments';
import { useI18n } from '../I18nProvider';

/** Whether coders may add codes from the coding popover. */
export function CodeCreationToggle({ projectId, allowed }: { projectId: string; allowed: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="setting">
      <input
        type="checkbox"
        checked={allowed}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            const r = await setCodersMayCreateCodesAction(projectId, { allowed: e.target.checked });
            if (r.ok) router.refresh();
          })
        }
      />{' '}
      {t('projectSettings.codersMayCreateCodes')}
    </label>
  );
}
