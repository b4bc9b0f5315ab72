import type { ComparePaging } from '../../app/compare/compare-paging.ts';
import { t } from '../../i18n/translate.ts';
import { type Query, urls } from '../urls.ts';

/** Pages linked around the current one: the first, the last and two on each side. */
export function pagesAround(page: number, pageCount: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    const near = Math.abs(n - page) <= 2;
    if (n === 1 || n === pageCount || near) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null); // a gap: one ellipsis, however long
  }
  return shown;
}

/**
 * Links to the table's other pages, keeping the filters (plain links: no JavaScript needed).
 * The current page is text marked aria-current; absent when everything fits on one page.
 */
export function ComparePagesNav(props: { paging: ComparePaging; query: Query }) {
  const { paging, query } = props;
  if (paging.pageCount <= 1) return null;
  const href = (n: number) => urls.compare({ ...query, page: n === 1 ? undefined : n });
  const { page, pageCount } = paging;
  return (
    <nav aria-label={t('compare.pages')}>
      <p class="actions">
        {page > 1 ? (
          <a href={href(page - 1)} rel="prev">
            {t('compare.pages.previous')}
          </a>
        ) : null}
        {pagesAround(page, pageCount).map((n) =>
          n === null ? (
            <span aria-hidden="true">…</span>
          ) : n === page ? (
            <strong aria-current="page">{t('compare.pages.status', { page, pageCount })}</strong>
          ) : (
            <a href={href(n)} aria-label={t('compare.pages.page', { page: n })}>
              {n}
            </a>
          ),
        )}
        {page < pageCount ? (
          <a href={href(page + 1)} rel="next">
            {t('compare.pages.next')}
          </a>
        ) : null}
      </p>
    </nav>
  );
}
