'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { copyLayerAction } from '@/server/actions/agreement';
import { useI18n } from '../I18nProvider';

/** Copies the only coder's layer of a document into the consensus layer. */
export function CopyLayerButton({ projectId, documentId, coderId, coderName }: { projectId: string; documentId: number; coderId: number; coderName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await copyLayerAction(projectId, { documentId, coderId });
            setMessage(r.ok ? t('agreement.single.copied', { copied: r.value.copied, skipped: r.value.skipped }) : t('common.error', { message: r.error }));
            if (r.ok) router.refresh();
          })
        }
      >
        {t('agreement.single.copy', { coder: coderName })}
      </button>
      {message && <span role="status"> {message}</span>}
    </>
  );
}
