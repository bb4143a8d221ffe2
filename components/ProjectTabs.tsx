'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface ProjectTab {
  href: string;
  label: string;
}

/**
 * The project's tabs, the one being looked at marked `aria-current` (and drawn so): the
 * first tab, the documents, is current for the project's own page and for any document in it.
 */
export function ProjectTabs({ base, tabs, label }: { base: string; tabs: ProjectTab[]; label: string }) {
  const path = usePathname() ?? '';
  const current = (href: string) => (href === base ? path === base || path.startsWith(`${base}/documents`) : path === href || path.startsWith(`${href}/`));
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={current(tab.href) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
