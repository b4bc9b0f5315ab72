import type { KpiDetailView } from '../../app/kpi/kpi-view.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { metricText } from './entry-figures.tsx';
import { fyLabel } from './format.ts';

/** Picks one stored figure of the year's results as the KPI's actual (issue 12). */
export function KpiMetricChoice(props: {
  detail: KpiDetailView;
  address: PlanAddress;
  csrf: string;
}) {
  const { detail } = props;
  const fy = detail.line.fiscalYear;
  if (detail.metrics.length === 0) return null;
  const kpiId = detail.line.record.id;
  return (
    <section aria-labelledby="kpi-metric">
      <h2 id="kpi-metric">{t('metric.kpi.title')}</h2>
      <p class="hint">{t('metric.kpi.hint', { fiscalYear: fyLabel(fy) })}</p>
      <form method="post" action={urls.kpiPage(props.address, kpiId, 'metric', { fy })}>
        <Csrf token={props.csrf} />
        <fieldset class="field">
          <legend>{t('metric.kpi.legend', { fiscalYear: fyLabel(fy) })}</legend>
          {detail.metrics.map((m, i) => {
            const id = `metric-${m.entryId}-${m.position}`;
            return (
              <div class="radio">
                <input
                  type="radio"
                  id={id}
                  name="metric"
                  value={`${m.entryId}:${m.position}`}
                  checked={i === 0}
                />
                <label for={id}>
                  {metricText(m)}
                  <span class="kpi-note">▶{m.text}</span>
                </label>
              </div>
            );
          })}
        </fieldset>
        <button type="submit" class="button">
          {t('metric.kpi.take')}
        </button>
      </form>
    </section>
  );
}
