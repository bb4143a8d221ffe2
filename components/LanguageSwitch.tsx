'use client';
import { useRouter } from 'next/navigation';
import { LOCALES, type Locale } from '@/lib/i18n';
import { useI18n } from './I18nProvider';

/** Sets the locale cookie and re-renders the page in that language. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const choose = (next: Locale) => {
    document.cookie = `locale=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <select
      aria-label={t('settings.language')}
      className="lang-switch"
      value={locale}
      onChange={(e) => choose(e.target.value as Locale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`lang.${l}`)}
        </option>
      ))}
    </select>
  );
}
