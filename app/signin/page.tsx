import { redirect } from 'next/navigation';
import { currentUser } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { SignInForm } from '@/components/SignInForm';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect('/');
  const t = await getT();
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute URL here would be an open redirect.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <div className="page narrow">
      <h1>{t('signin.title')}</h1>
      <SignInForm callbackUrl={next} />
      <p className="hint">{t('signin.demoHint')}</p>
    </div>
  );
}
