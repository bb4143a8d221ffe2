'use client';
import { useState, useTransition } from 'react';
import { setAttributePrivateAction } from '@/server/actions/exports';
import { useI18n } from '../I18nProvider';

export interface PrivacyAttribute {
  id: number;
  scope: 'participant' | 'document';
  name: string;
  private: boolean;
}

/** Which attributes never leave the app: leads switch them, others see the list. */
export function PrivacyToggles({ projectId, attributes, canEdit }: { projectId: string; attributes: PrivacyAttribute[]; canEdit: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState(() => new Map(attributes.map((a) => [a.id, a.private])));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = (a: PrivacyAttribute, value: boolean) =>
    startTransition(async () => {
      setError(null);
      const r = await setAttributePrivateAction(projectId, { attributeId: a.id, private: value });
      if (r.ok) setState((s) => new Map(s).set(a.id, r.value));
      else setError(r.error);
    });

  if (attributes.length === 0) return <p className="empty">{t('exports.privacy.none')}</p>;
  return (
    <div data-testid="privacy-toggles">
      <table className="privacy-table">
        <thead>
          <tr>
            <th>{t('exports.privacy.attribute')}</th>
            <th>{t('exports.privacy.scope')}</th>
            <th>{t('exports.privacy.private')}</th>
          </tr>
        </thead>
        <tbody>
          {attributes.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{t(a.scope === 'participant' ? 'exports.privacy.participant' : 'exports.privacy.document')}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('exports.privacy.toggle', { name: a.name })}
                  checked={state.get(a.id) ?? false}
                  disabled={!canEdit || pending}
                  onChange={(e) => toggle(a, e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
