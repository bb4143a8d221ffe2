import { requireProject } from '@/app/_server/session';
import { getT } from '@/app/_server/i18n';
import { codeTree, type CodeNode } from '@/db/queries/codes';
import { visibleCountKeys } from '@/lib/access/layers';

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db, role, user } = await requireProject(projectId);
  const t = await getT();
  const tree = codeTree(db, project.id);
  const mayCount = visibleCountKeys({ role, userId: user.id, blindMode: project.blindMode });
  const total = (n: CodeNode) => Object.entries(n.counts).reduce((s, [k, v]) => (mayCount(k) ? s + v : s), 0);
  const countCodes = (ns: CodeNode[]): number => ns.reduce((s, n) => s + 1 + countCodes(n.children), 0);

  const render = (nodes: CodeNode[]) => (
    <ul className="code-tree">
      {nodes.map((c) => (
        <li key={c.id} className={c.archived ? 'archived' : undefined}>
          <details>
            <summary>
              <span className="swatch" style={{ background: c.color }} aria-hidden />
              <span className="code-name">{c.name}</span>
              {c.shortcut && <kbd title={t('codebook.shortcut')}>{c.shortcut}</kbd>}
              {c.archived && <span className="badge">{t('codebook.archived')}</span>}
              <span className="count" title={t('codebook.codings')}>
                {total(c)}
              </span>
            </summary>
            <dl className="code-def">
              {c.description && (
                <>
                  <dt>{t('codebook.description')}</dt>
                  <dd>{c.description}</dd>
                </>
              )}
              {c.inclusion && (
                <>
                  <dt>{t('codebook.inclusion')}</dt>
                  <dd>{c.inclusion}</dd>
                </>
              )}
              {c.exclusion && (
                <>
                  <dt>{t('codebook.exclusion')}</dt>
                  <dd>{c.exclusion}</dd>
                </>
              )}
              {c.example && (
                <>
                  <dt>{t('codebook.example')}</dt>
                  <dd>{c.example}</dd>
                </>
              )}
            </dl>
          </details>
          {c.children.length > 0 && render(c.children)}
        </li>
      ))}
    </ul>
  );

  return (
    <section className="page">
      <p className="muted">{t('codebook.count', { n: countCodes(tree) })}</p>
      {tree.length === 0 ? <p className="empty">{t('codebook.empty')}</p> : render(tree)}
    </section>
  );
}
