import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { isDemoInstance } from '@/db/queries/instance';
import { hasNoUsers } from '@/db/queries/users';
import { currentUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { SignInForm } from '@/components/SignInForm';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect('/');
  const db = getDb();
  // A fresh instance has nobody to sign in: the first-run screen creates the first admin.
  if (hasNoUsers(db)) redirect('/setup');
  const t = await getT();
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute URL here would be an open redirect.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <div className="page narrow">
      <h1>{t('signin.title')}</h1>
      <SignInForm callbackUrl={next} />
      {/* The demo's passwords are public, and shown only where they work: on a demo instance. */}
      {isDemoInstance(db) && <p className="hint">{t('signin.demoHint')}</p>}
    </div>
  );
}
