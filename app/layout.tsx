import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { isDemoInstance } from '@/db/queries/instance';
import { currentUser } from '@/server/edge/session';
import { getLocale } from '@/server/edge/i18n';
import { translator } from '@/lib/i18n';
import { I18nProvider } from '@/components/I18nProvider';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { SignOutButton } from '@/components/SignOutButton';
import './globals.css';

export const metadata: Metadata = { title: 'Focus-group coder' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = translator(locale);
  const user = await currentUser();
  const demo = await isDemoInstance(getDb());
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          {demo && (
            <div className="demo-banner" role="note" data-testid="demo-banner">
              {t('demo.instanceBanner')}
            </div>
          )}
          <header className="topbar">
            <Link href="/" className="brand">
              {t('app.name')}
            </Link>
            {user && (
              <nav className="topnav">
                <Link href="/">{t('nav.projects')}</Link>
                {user.isAdmin && <Link href="/admin/users">{t('nav.users')}</Link>}
                <Link href="/settings">{t('nav.settings')}</Link>
              </nav>
            )}
            <div className="topbar-right">
              <LanguageSwitch />
              {user && (
                <>
                  <span className="who" title={user.email}>
                    {user.name}
                  </span>
                  <SignOutButton />
                </>
              )}
            </div>
          </header>
          <main>{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
