import { requireUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { getDb } from '@/db/client';
import { tokensForUser } from '@/db/queries/users';
import { TokensEditor } from '@/components/TokensEditor';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PasswordForm } from '@/components/PasswordForm';
import { SessionsPanel } from '@/components/SessionsPanel';

export default async function SettingsPage() {
  const user = await requireUser();
  const t = await getT();
  const tokens = (await tokensForUser(getDb(), user.id)).map((k) => ({
    ...k,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <p>
        {t('settings.language')}: <LanguageSwitch />
      </p>
      <h2>{t('password.title')}</h2>
      <PasswordForm />
      <SessionsPanel />
      <TokensEditor tokens={tokens} />
    </div>
  );
}
