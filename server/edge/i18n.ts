import { cookies, headers } from 'next/headers';
import { isLocale, localeFromAcceptLanguage, translator, type Locale } from '@/lib/i18n';

export const LOCALE_COOKIE = 'locale';

/** The user's language: the cookie set by the switch, else the browser's preference. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export async function getT() {
  return translator(await getLocale());
}
