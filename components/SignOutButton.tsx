'use client';
import { signOut } from 'next-auth/react';
import { useI18n } from './I18nProvider';

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="link-button" onClick={() => signOut({ callbackUrl: '/signin' })}>
      {t('nav.signOut')}
    </button>
  );
}
