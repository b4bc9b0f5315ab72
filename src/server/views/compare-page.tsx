import { escapeToBuffer, raw } from 'hono/utils/html';
import {
  type CompareCell,
  type CompareColumn,
  compareColumns,
  percent,
} from '../../app/compare/compare-columns.ts';
import { type PagedComparison, PLANS_PER_PAGE } from '../../app/compare/compare-paging.ts';
import type { Comparison, YearTotal } from '../../app/compare/load-comparison.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { PREFECTURES } from '../../core/municipality-code.ts';
import { MUNICIPALITY_KINDS } from '../../core/municipality-kind.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { BUILT_IN_SCALES } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import { type Query, urls } from '../urls.ts';
import { ComparePagesNav } from './compare-pages-nav.tsx';
import { fyLabel } from './format.ts';

const number = new Intl.NumberFormat('ja-JP');

function shown(cell: CompareCell, type: CompareColumn['type']): string {
  if (cell === null) return NO_VALUE_MARK;
  if (typeof cell === 'string') return cell;
  if (type === 'percent') return `${cell.toFixed(1)}%`;
  // A year reads as 2020, not 2,020.
  return type === 'year' ? String(cell) : number.format(cell);
}

/**
 * The filters as a query string for the CSV and page links: what is shown is what is
 * downloaded (every page of it).
 */
export function compareQueryOf(c: Comparison): Query {
  return {
    fiscalYear: c.query.fiscalYear,
    prefecture: c.query.prefecture,
    kind: c.query.kind,
    by: c.query.by === 'goal' ? 'goal' : undefined,
  };
}

function Select(props: {
  id: string;
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  all?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.all ? (
          <option value="" selected={props.value === null}>
            {t('compare.filter.all')}
          </option>
        ) : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: { comparison: Comparison }) {
  const { query, years } = props.comparison;
  return (
    <search>
      <form
        method="get"
        action={urls.compare()}
        class="search-form"
        aria-label={t('compare.filters')}
      >
        <Select
          id="fiscalYear"
          label={t('compare.filter.fiscal-year')}
          value={query.fiscalYear === null ? null : String(query.fiscalYear)}
          options={[...years].reverse().map((fy) => ({ value: String(fy), label: fyLabel(fy) }))}
        />
        <Select
          id="prefecture"
          label={t('compare.filter.prefecture')}
          value={query.prefecture}
          all
          options={PREFECTURES.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
        />
        <Select
          id="kind"
          label={t('compare.filter.kind')}
          value={query.kind}
          all
          options={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: t(`compare.kind.${k}`) }))}
        />
        <Select
          id="by"
          label={t('compare.filter.by')}
          value={query.by}
          options={(['municipality', 'goal'] as const).map((b) => ({
            value: b,
            label: t(`compare.by.${b}`),
          }))}
        />
        <button type="submit" class="button">
          {t('compare.filter.submit')}
        </button>
      </form>
    </search>
  );
}

/** The table's caption: how many rows in all, and which of them this page shows. */
function captionOf(comparison: PagedComparison): string {
  const { paging, query } = comparison;
  const key = query.by === 'goal' ? 'compare.caption-by-goal' : 'compare.caption';
  return t(paging.pageCount > 1 ? `${key}-paged` : key, {
    fiscalYear: query.fiscalYear === null ? '' : fyLabel(query.fiscalYear),
    count: paging.rowCount,
    first: paging.firstRow,
    last: paging.lastRow,
  });
}

function RowsTable(props: { comparison: PagedComparison }) {
  const { comparison } = props;
  const columns = compareColumns(comparison.query.by);
  const caption = captionOf(comparison);
  // The wide table scrolls sideways: its region takes the keyboard focus so it can be scrolled
  // without a mouse (WCAG 2.1.1; axe scrollable-region-focusable), named by the caption.
  return (
    <section class="table-scroll" aria-labelledby="compare-caption" tabindex={0}>
      <table>
        <caption id="compare-caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.type === 'text' ? undefined : 'num'}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{raw(bodyRows(comparison, columns))}</tbody>
      </table>
    </section>
  );
}

/**
 * The rows' HTML as one string, every text escaped. The whole country by goal is 8,940 rows of
 * 20 cells: as JSX elements they took most of the page's render time and memory, and the rows
 * are plain cells with nothing but text inside.
 */
function bodyRows(comparison: Comparison, columns: CompareColumn[]): string {
  const open = columns.map((c) =>
    c.header ? '<th scope="row">' : c.type === 'text' ? '<td>' : '<td class="num">',
  );
  const close = columns.map((c) => (c.header ? '</th>' : '</td>'));
  const out: string[] = [];
  for (const row of comparison.rows) {
    out.push('<tr>');
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as CompareColumn;
      out.push(open[i] as string, escaped(shown(c.value(row), c.type)), close[i] as string);
    }
    out.push('</tr>');
  }
  return out.join('');
}

function escaped(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

function TotalsTable(props: { totals: YearTotal[] }) {
  const cols: [string, (y: YearTotal) => CompareCell, CompareColumn['type']][] = [
    ['compare.column.municipalities', (y) => y.municipalityCount, 'count'],
    ['compare.column.projects', (y) => y.projectCount, 'count'],
    ['compare.column.budget', (y) => y.budget, 'yen'],
    ['compare.column.settlement', (y) => y.settlement, 'yen'],
    ['compare.column.rate', (y) => percent(y.executionRate), 'percent'],
    ['compare.column.kpis', (y) => y.kpiCount, 'count'],
    ['compare.column.achieved', (y) => y.kpiAchieved, 'count'],
    ['compare.column.no-actual', (y) => y.kpiNoActual, 'count'],
  ];
  return (
    <section class="table-scroll" aria-labelledby="compare-totals-caption" tabindex={0}>
      <table>
        <caption id="compare-totals-caption">{t('compare.totals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.column.fiscal-year')}</th>
            {cols.map(([key]) => (
              <th scope="col" class="num">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.totals.map((y) => (
            <tr>
              <th scope="row">{formatFiscalYear(y.fiscalYear, 'both')}</th>
              {cols.map(([, value, type]) => (
                <td class="num">{shown(value(y), type)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The public comparison page: GET filters (no JavaScript needed), one page of the table with
 * links to the others, totals, CSV (every row).
 */
export function ComparePage(props: { comparison: PagedComparison }) {
  const { comparison } = props;
  const query = compareQueryOf(comparison);
  const paged = comparison.paging.pageCount > 1;
  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p class="lead">{t('compare.lead')}</p>
      <Filters comparison={comparison} />
      <p class="hint">{t('compare.size-note')}</p>
      {comparison.rows.length === 0 ? (
        <p class="notice">{t('compare.none')}</p>
      ) : (
        <>
          <RowsTable comparison={comparison} />
          <ComparePagesNav paging={comparison.paging} query={query} />
          {paged ? (
            <p class="hint">
              {t('compare.pages.note', { plans: PLANS_PER_PAGE[comparison.query.by] })}
            </p>
          ) : null}
          <p>
            {t('compare.download')}:{' '}
            <a href={urls.compareCsv({ ...query, bom: 1 })}>{t('compare.download.bom')}</a>・
            <a href={urls.compareCsv(query)}>{t('compare.download.plain')}</a>（
            <a href={urls.doc('compare')}>{t('compare.docs')}</a>）
          </p>
        </>
      )}
      <p class="hint">{t('compare.achieved-note')}</p>
      <p class="hint">{t('compare.scale-note')}</p>
      <ul class="hint">
        {BUILT_IN_SCALES.map((s) => (
          <li>
            {s.name}:{' '}
            {s.bands
              .map((b, i) => `${t('compare.column.band', { n: i + 1 })} ${b.label}`)
              .join('・')}
          </li>
        ))}
      </ul>
      {comparison.totals.length > 0 ? (
        <>
          <h2>{t('compare.totals.title')}</h2>
          <TotalsTable totals={comparison.totals} />
        </>
      ) : null}
    </>
  );
}
