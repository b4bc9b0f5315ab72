import type { MetricTrend } from '../../core/metric-trends.ts';
import { t } from '../../i18n/translate.ts';
import { fyShort } from './format.ts';
import { ScrollBox } from './scroll-box.tsx';

const groupDigits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 6 });

/** A trend in one line: `R2 41件 → R3 52件`, approximate values marked 約. */
export function trendText(trend: MetricTrend): string {
  return trend.points
    .map((p) => {
      const value = `${p.approximate ? '約' : ''}${groupDigits.format(p.value)}${trend.unit}`;
      const mark = p.cumulative ? `（${t('metric.cumulative')}）` : '';
      return `${fyShort(p.fiscalYear)} ${value}${mark}`;
    })
    .join(' → ');
}

/** The recurring figures of a project (or, with `project`, of a plan) as a small table. */
export function MetricTrendTable(props: {
  trends: readonly (MetricTrend & { project?: string })[];
  caption: string;
}) {
  const withProject = props.trends.some((tr) => tr.project !== undefined);
  return (
    <ScrollBox label={props.caption}>
      <table class="metric-trends">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {withProject ? <th scope="col">{t('metric.trends.project')}</th> : null}
            <th scope="col">{t('metric.label')}</th>
            <th scope="col">{t('metric.value')}</th>
          </tr>
        </thead>
        <tbody>
          {props.trends.map((trend) => (
            <tr>
              {withProject ? <td>{trend.project}</td> : null}
              <th scope="row">{trend.label}</th>
              <td>
                {trendText(trend)}
                {trend.points.some((p) => p.several) ? (
                  <span class="muted">{t('metric.trends.several')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
