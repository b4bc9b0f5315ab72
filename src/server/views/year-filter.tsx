import type { Child } from 'hono/jsx';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { t } from '../../i18n/translate.ts';
import { fyLabel } from './format.ts';

/**
 * The year chooser a plan's pages open with: a GET form back to the page for the chosen year.
 * Without JavaScript the 表示 button sends it; app.js sends it on change (data-autosubmit).
 * `children` carries what else the page keeps across years (a hidden KPI id).
 */
export function YearFilter(props: {
  action: string;
  years: readonly FiscalYear[];
  selected: FiscalYear;
  /** How an option reads: the year's label unless the page says more (its status). */
  optionLabel?: (fy: FiscalYear) => string;
  children?: Child;
}) {
  const label = props.optionLabel ?? fyLabel;
  return (
    <form method="get" action={props.action} class="filters">
      <div class="field">
        <label for="fy">{t('dashboard.fy-select')}</label>
        <select id="fy" name="fy" data-autosubmit>
          {props.years.map((fy) => (
            <option value={String(fy)} selected={fy === props.selected}>
              {label(fy)}
            </option>
          ))}
        </select>
      </div>
      {props.children}
      <button type="submit" class="button button--secondary">
        {t('dashboard.show')}
      </button>
    </form>
  );
}
