'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../I18nProvider';

/**
 * A modal confirmation (the native <dialog>: focus is trapped, Escape cancels). It opens
 * when mounted; `onClose` runs on cancel, Escape or after confirming.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
  children,
  testId,
}: {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="cbe-dialog" aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="cbe-dialog-actions">
        <button type="button" className="secondary" onClick={() => ref.current?.close()}>
          {t('codebookEditor.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          onClick={() => {
            onConfirm();
            ref.current?.close();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
