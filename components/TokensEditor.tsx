'use client';
import { useState, useTransition } from 'react';
import { createTokenAction, revokeTokenAction } from '@/server/actions/tokens';
import { useI18n } from './I18nProvider';
import { formatDateTime } from '@/lib/i18n';

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokensEditor({ tokens }: { tokens: TokenRow[] }) {
  const { t, locale } = useI18n();
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section>
      <h2>{t('tokens.title')}</h2>
      <p className="hint">{t('tokens.help')}</p>
      {tokens.length === 0 ? (
        <p className="empty">{t('tokens.none')}</p>
      ) : (
        <table className="grid">
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>
                  {t('tokens.lastUsed')}: {k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t('tokens.never')}
                </td>
                <td>
                  {k.revokedAt ? (
                    t('tokens.revoked')
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      disabled={pending}
                      onClick={() => start(async () => void (await revokeTokenAction({ tokenId: k.id })))}
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const name = new FormData(e.currentTarget).get('name');
          start(async () => {
            const r = await createTokenAction({ name });
            if (r.ok) {
              setFresh(r.value.token);
              setError(null);
            } else setError(r.error);
          });
        }}
      >
        <input name="name" placeholder={t('tokens.name')} aria-label={t('tokens.name')} required maxLength={100} />
        <button type="submit" disabled={pending}>
          {t('tokens.create')}
        </button>
      </form>
      {fresh && (
        <p role="status">
          {t('tokens.created')} <code data-testid="new-token">{fresh}</code>
        </p>
      )}
      {error && <p className="error">{t('common.error', { message: error })}</p>}
    </section>
  );
}
