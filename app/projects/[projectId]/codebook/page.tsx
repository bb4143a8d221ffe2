import { requireProject } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { codeTree, type CodeNode } from '@/db/queries/codes';
import { membersOfProject } from '@/db/queries/projects';
import { userById } from '@/db/queries/users';
import type { Db } from '@/db/client';
import { coderKey, visibleCountKeys } from '@/lib/access/layers';
import { CodebookEditor } from '@/components/codebook/CodebookEditor';
import type { LayerColumn } from '@/components/codebook/types';
import { codeMemosByCode } from '@/db/queries/memos';
import { MemoPanel } from '@/components/MemoPanel';

/**
 * The count columns: consensus, then every coder of the project by name, then anyone else
 * whose layer has codings (a lead's own layer, a former member), each only if `may` shows it.
 */
async function layerColumns(db: Db, projectId: number, tree: CodeNode[], consensusLabel: string, may: (key: string) => boolean): Promise<LayerColumn[]> {
  const used = new Set<string>();
  const walk = (nodes: CodeNode[]) => {
    for (const n of nodes) {
      for (const key of Object.keys(n.counts)) used.add(key);
      walk(n.children);
    }
  };
  walk(tree);
  const members = await membersOfProject(db, projectId);
  const columns: LayerColumn[] = [{ key: 'consensus', label: consensusLabel }];
  for (const m of members) {
    const key = coderKey(m.userId);
    if (m.role === 'coder' || used.has(key)) columns.push({ key, label: m.name });
  }
  for (const key of [...used].sort()) {
    if (columns.some((c) => c.key === key)) continue;
    const id = Number(/^coder:(\d+)$/.exec(key)?.[1]);
    if (id) columns.push({ key, label: (await userById(db, id))?.name ?? `#${id}` });
  }
  return columns.filter((c) => may(c.key));
}

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, db, role, user } = await requireProject(projectId);
  const t = await getT();
  const tree = await codeTree(db, project.id);
  const mayCount = visibleCountKeys({ role, userId: user.id, blindMode: project.blindMode });
  const total = (n: CodeNode) => Object.entries(n.counts).reduce((s, [k, v]) => (mayCount(k) ? s + v : s), 0);
  const countCodes = (ns: CodeNode[]): number => ns.reduce((s, n) => s + 1 + countCodes(n.children), 0);

  const memos = await codeMemosByCode(db, project.id);
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
            <MemoPanel
              projectId={String(project.id)}
              kind="code"
              targetId={c.id}
              memos={memos.get(c.id) ?? []}
              userId={user.id}
              canWrite={role !== 'viewer'}
              isLead={role === 'lead'}
              title={t('memos.code')}
            />
          </details>
          {c.children.length > 0 && render(c.children)}
        </li>
      ))}
    </ul>
  );

  if (role === 'lead') {
    // Counts of layers this user may not see are left out (for a lead that is none).
    const strip = (nodes: CodeNode[]): CodeNode[] =>
      nodes.map((n) => ({ ...n, counts: Object.fromEntries(Object.entries(n.counts).filter(([k]) => mayCount(k))), children: strip(n.children) }));
    return (
      <section className="page wide">
        <p className="muted">{t('codebook.count', { n: countCodes(tree) })}</p>
        <CodebookEditor
          projectId={String(project.id)}
          tree={strip(tree)}
          layers={await layerColumns(db, project.id, tree, t('codebookEditor.consensus'), mayCount)}
        />
        <h2>{t('codebook.definitionsAndMemos')}</h2>
        {render(tree)}
      </section>
    );
  }

  return (
    <section className="page">
      <p className="muted">{t('codebook.count', { n: countCodes(tree) })}</p>
      {tree.length === 0 ? <p className="empty">{t('codebook.empty')}</p> : render(tree)}
    </section>
  );
}
