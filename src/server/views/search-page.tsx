import type { PlanView } from '../../app/views/plan-view.ts';
import type { SearchMatch, SearchResult, SnippetPiece } from '../../app/views/search-plan.ts';
import { MAX_QUERY_LENGTH } from '../../app/views/search-plan.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { fyShort } from './format.ts';

export interface SearchPageProps {
  view: PlanView;
  query: string;
  result: SearchResult;
  address: PlanAddress;
}

/** Search within the plan: a GET form, then the projects found with the words marked. */
export function SearchPage(props: SearchPageProps) {
  const { view, query, result, address } = props;
  const searched = result.terms.length > 0;
  return (
    <>
      <h1>{view.summary.title} の検索</h1>
      <search>
        <form method="get" action={urls.planPage(address, 'search')} class="search-form">
          <div class="field">
            <label for="q">探す語</label>
            <span class="hint" id="q-hint">
              {t('search.hint')}
            </span>
            <input
              id="q"
              name="q"
              type="search"
              value={query}
              maxlength={MAX_QUERY_LENGTH}
              aria-describedby="q-hint"
            />
          </div>
          <button type="submit" class="button">
            検索
          </button>
        </form>
      </search>
      {!searched ? (
        <p class="notice">{t('search.empty')}</p>
      ) : result.hits.length === 0 ? (
        <p class="notice">{t('search.none', { query })}</p>
      ) : (
        <>
          <h2>{t('search.count', { query, count: result.hits.length })}</h2>
          <ol class="search-results">
            {result.hits.map((hit) => (
              <li>
                <h3>
                  {hit.ref ? (
                    <a href={urls.project(address, hit.ref.id)}>
                      {hit.project.no}. {hit.project.name}
                    </a>
                  ) : (
                    `${hit.project.no}. ${hit.project.name}`
                  )}
                </h3>
                <p class="search-results__path">{hit.path.map((s) => s.title).join(' › ')}</p>
                <ul class="search-results__matches">
                  {hit.matches.map((m) => (
                    <li>
                      <span class="search-results__field">{fieldLabel(m)}</span>{' '}
                      <Snippet pieces={m.snippet} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** The text with the words found in <mark>; every piece is text, escaped by JSX. */
function Snippet(props: { pieces: SnippetPiece[] }) {
  return <>{props.pieces.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

function fieldLabel(m: SearchMatch): string {
  switch (m.field) {
    case 'name':
      return '事業名';
    case 'note':
      return '注記（※）';
    case 'activity':
      return `取組 ${m.activityPosition}`;
    case 'entry': {
      const kind = t(m.entry?.kind === 'revision' ? 'word.revision' : 'word.result');
      const year = m.entry?.fiscalYear ? fyShort(m.entry.fiscalYear) : t('word.undated');
      return `取組 ${m.activityPosition} の${kind}（${year}）`;
    }
  }
}
