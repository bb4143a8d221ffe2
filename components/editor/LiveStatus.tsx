'use client';
import { useI18n } from '../I18nProvider';
import type { LiveUpdates } from './useLiveUpdates';

/** Who else has the document open, and why the editor reloaded itself (see useLiveUpdates). */
export function LiveStatus({ present, notice }: LiveUpdates) {
  const { t } = useI18n();
  if (present.length === 0 && !notice) return null;
  return (
    <div className="live-status">
      {present.length > 0 && (
        <span className="muted live-presence" data-testid="presence">
          {t('editor.presence', { names: present.map((u) => u.name).join(', ') })}
        </span>
      )}
      {notice && (
        <span role="status" className="badge warn" data-testid="live-notice">
          {notice}
        </span>
      )}
    </div>
  );
}
