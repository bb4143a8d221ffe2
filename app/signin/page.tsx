import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { isDemoInstance } from '@/db/queries/instance';
import { hasNoUsers } from '@/db/queries/users';
import { currentUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { SignInForm } from '@/components/SignInForm';
import { safeCallbackPath } from '@/lib/auth/callback';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await currentUser()) redirect('/');
  const db = getDb();
  // A fresh instance has nobody to sign in: the first-run screen creates the first admin.
  if (await hasNoUsers(db)) redirect('/setup');
  const t = await getT();
  const { callbackUrl } = await searchParams;
  // Only same-site paths (lib/auth/callback): anything else here would be an open redirect.
  const next = safeCallbackPath(callbackUrl);
  return (
    <div className="page narrow">
      <h1>{t('signin.title')}</h1>
      <SignInForm callbackUrl={next} />
      {/* The demo's passwords are public, and shown only where they work: on a demo instance. */}
      {await isDemoInstance(db) && <p className="hint">{t('signin.demoHint')}</p>}
    </div>
  );
}
