'use client';
import Link from 'next/link';
import { useI18n } from '../I18nProvider';

/** "21–40 of 123" with links to the previous and next pages (hrefs built by the page). */
export function Pager({ offset, shown, total, previous, next }: { offset: number; shown: number; total: number; previous: string | null; next: string | null }) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <nav className="pager">
      <span>{t('analysis.excerpts.showing', { from: offset + 1, to: offset + shown, n: total })}</span>
      {previous && <Link href={previous}>← {t('analysis.excerpts.previous')}</Link>}
      {next && <Link href={next}>{t('analysis.excerpts.next')} →</Link>}
    </nav>
  );
}
