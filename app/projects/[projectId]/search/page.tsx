import { requireProject } from '@/server/edge/session';
import { getLocale, getT } from '@/server/edge/i18n';
import { codesOfProject } from '@/db/queries/codes';
import { savedSearchesOfProject } from '@/db/queries/saved-searches';
import { SearchError, searchFilterChoices } from '@/db/queries/search';
import { searchProject } from '@/db/queries/search-results';
import type { SearchResult } from '@/lib/search/views';
import { DomainError } from '@/lib/errors';
import { withSearchSlot } from '@/server/edge/search-slots';
import type { LayerRef } from '@/lib/access/layers';
import { codePaths } from '@/lib/coding/code-paths';
import { searchOptionsFromParams, searchOptionsToParams } from '@/lib/search/options';
import { SearchForm } from '@/components/search/SearchForm';
import { SearchResults } from '@/components/search/SearchResults';
import { SavedSearches } from '@/components/search/SavedSearches';

const PAGE = 200;
const MAX_SHOWN = 5000;

/**
 * Search across the project's transcripts: the query and filters live in the URL (so a
 * search can be linked, reloaded and saved); the search runs here, on the server.
 */
export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const query = await searchParams;
  const { project, db, user, role } = await requireProject(projectId);
  const t = await getT();
  const options = searchOptionsFromParams(query);
  const rawLimit = Array.isArray(query.limit) ? query.limit[0] : query.limit;
  const limit = rawLimit && /^[0-9]{1,6}$/.test(rawLimit) ? Math.min(MAX_SHOWN, Math.max(PAGE, Number(rawLimit))) : PAGE;
  const codedLayer: LayerRef = role === 'viewer' ? { kind: 'consensus' } : { kind: 'coder', coderId: user.id };

  let result: SearchResult | null = null;
  let problem: string | null = null;
  try {
    result = await withSearchSlot(user.id, options.regex, () => searchProject(db, project.id, options, { codedLayer, limit, includePrivate: true }));
  } catch (e) {
    if (!(e instanceof SearchError) && !(e instanceof DomainError && e.reason === 'search.busy')) throw e;
    problem = e.in(await getLocale());
  }

  const codes = codePaths(await codesOfProject(db, project.id));
  const base = `/projects/${project.id}`;
  // A new search (another URL) starts the form and the selection afresh; a refresh after
  // auto-coding keeps them (and the undo).
  const searchKey = searchOptionsToParams(options).toString();
  return (
    <section className="page wide search-page">
      <h2>{t('search.title')}</h2>
      <div className="search-top">
        <SearchForm key={searchKey} options={options} choices={await searchFilterChoices(db, project.id)} codes={codes} />
        <SavedSearches
          projectId={String(project.id)}
          saved={await savedSearchesOfProject(db, project.id)}
          current={options}
          userId={user.id}
          isLead={role === 'lead'}
        />
      </div>
      {problem && (
        <p role="alert" className="search-problem" data-testid="search-problem">
          {problem}
        </p>
      )}
      {!problem && result?.empty && <p className="empty">{t('search.emptyState')}</p>}
      {!problem && result && !result.empty && (
        <SearchResults
          key={searchKey}
          projectId={String(project.id)}
          documentBase={`${base}/documents`}
          result={result}
          options={options}
          codes={codes.filter((c) => !c.archived)}
          canCode={role === 'lead' || role === 'coder'}
          isCoder={role === 'coder'}
          pageSize={PAGE}
          maxShown={MAX_SHOWN}
        />
      )}
    </section>
  );
}
