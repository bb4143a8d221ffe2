/** The lead's agreement screens: report, assignments, blind mode. */
import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

export function AgreementNav({ projectId, current, t }: { projectId: number; current: 'report' | 'assignments' | 'settings'; t: Translate }) {
  const base = `/projects/${projectId}`;
  const links = [
    { key: 'report', href: `${base}/agreement`, label: t('agreement.subnav.report') },
    { key: 'assignments', href: `${base}/assignments`, label: t('agreement.subnav.assignments') },
    { key: 'settings', href: `${base}/settings`, label: t('agreement.subnav.settings') },
  ] as const;
  return (
    <nav className="subnav" aria-label={t('nav.agreement')}>
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={l.key === current ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
