import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { hasNoUsers } from '@/db/queries/users';
import { getT } from '@/server/edge/i18n';
import { FirstRunForm } from '@/components/FirstRunForm';

export const dynamic = 'force-dynamic';

/** The first-run screen: open only while the instance has no account at all. */
export default async function SetupPage() {
  if (!await hasNoUsers(getDb())) redirect('/signin');
  const t = await getT();
  return (
    <div className="page narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.help')}</p>
      <FirstRunForm />
    </div>
  );
}
