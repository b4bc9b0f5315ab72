import { cellText, hasData } from '../../app/views/chart-cells.ts';
import type { ChartData } from '../../app/views/chart-data.ts';
import type { ChartSvg } from '../../app/views/render-chart-svg.ts';
import { t } from '../../i18n/translate.ts';
import { ScrollBox } from './scroll-box.tsx';

/**
 * JSON for a `<script type="application/json">` data block: `<`, `>` and `&` are written as
 * \u escapes, so no text in the data (a title with `</script>`) can end the block or open a
 * comment; U+2028/2029 likewise. JSON.parse reads them back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

export interface ChartFigureProps {
  chart: ChartData;
  /** The CSV download of the same rows. */
  csvHref: string;
  /** File name without extension for the PNG and SVG downloads. */
  fileName: string;
  /** The chart drawn on the server, wide and narrow (CSS shows one); none when empty. */
  svgs: ChartSvg[] | undefined;
}

/**
 * One chart: its caption, the chart drawn on the server as inline SVG (a wide and a narrow
 * variant, one shown by CSS; each an image named by the chart's title), the rows as a JSON data
 * block (the downloads' title and file name), the same rows as an HTML table folded under the
 * chart (open when there is nothing to draw) and the CSV link; /assets/dashboard.js adds PNG and
 * SVG buttons.
 */
export function ChartFigure(props: ChartFigureProps) {
  const { chart } = props;
  const unit = chart.amountUnit;
  const rows = chart.rows;
  // Nothing to draw (a year without figures yet): the table says so, no empty axes.
  const drawable = hasData(chart) && props.svgs !== undefined && props.svgs.length > 0;
  const cells = (row: ChartData['rows'][number]) =>
    chart.columns.map((column, i) => {
      const text = cellText(column, row[column.key] ?? null, unit);
      if (i === 0) return <th scope="row">{text}</th>;
      return <td class={column.type === 'text' ? undefined : 'num'}>{text}</td>;
    });
  return (
    <figure class="chart-figure" id={`figure-${chart.id}`}>
      <figcaption class="chart-figure__caption">
        {chart.title}
        {chart.note ? <span class="chart-figure__note">{chart.note}</span> : null}
      </figcaption>
      {drawable ? (
        <>
          <div
            class="chart"
            id={`chart-${chart.id}`}
            data-chart={chart.id}
            dangerouslySetInnerHTML={{ __html: (props.svgs ?? []).map((s) => s.svg).join('') }}
          />
          <script
            type="application/json"
            id={`chart-data-${chart.id}`}
            dangerouslySetInnerHTML={{
              __html: jsonForScript({ ...chart, fileName: props.fileName }),
            }}
          />
        </>
      ) : (
        <p class="chart-empty">{t('dashboard.no-data')}</p>
      )}
      <details class="chart-table" open={!drawable}>
        <summary>{t('dashboard.table')}</summary>
        <ScrollBox label={chart.title}>
          <table>
            <caption class="visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                {chart.columns.map((column, i) => (
                  <th scope="col" class={i > 0 && column.type !== 'text' ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>{cells(row)}</tr>
              ))}
            </tbody>
            {chart.total ? (
              <tfoot>
                <tr class="total">{cells(chart.total)}</tr>
              </tfoot>
            ) : null}
          </table>
        </ScrollBox>
      </details>
      <p
        class="chart-downloads"
        data-downloads={chart.id}
        data-label-png={t('dashboard.png')}
        data-label-svg={t('dashboard.svg')}
        data-label-of={t('dashboard.download-of', { title: chart.title })}
      >
        <a class="button button--secondary" href={props.csvHref} download={`${props.fileName}.csv`}>
          {t('dashboard.csv')}
          <span class="visually-hidden">{t('dashboard.download-of', { title: chart.title })}</span>
        </a>
      </p>
    </figure>
  );
}
