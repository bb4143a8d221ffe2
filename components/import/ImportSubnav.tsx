import Link from 'next/link';

/** The links between the lead's import and attribute screens; the current one is not a link. */
export function ImportSubnav({
  projectId,
  current,
  labels,
}: {
  projectId: number;
  current: 'import' | 'attributes' | 'documents';
  labels: Record<'import' | 'attributes' | 'documents', string>;
}) {
  const href = { import: `/projects/${projectId}/import`, attributes: `/projects/${projectId}/attributes`, documents: `/projects/${projectId}/attributes/documents` };
  return (
    <nav className="import-subnav" aria-label={labels.import}>
      {(['import', 'attributes', 'documents'] as const).map((k) =>
        k === current ? (
          <strong key={k} aria-current="page">
            {labels[k]}
          </strong>
        ) : (
          <Link key={k} href={href[k]}>
            {labels[k]}
          </Link>
        ),
      )}
    </nav>
  );
}
