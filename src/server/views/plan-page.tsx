import type { PlanView } from '../../app/views/plan-view.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import type { PlanNode, Project } from '../../core/plan.ts';
import { planOverview } from '../../core/plan-overview.ts';
import {
  type ProjectStatus,
  type ShownProjectStatus,
  shownProjectStatus,
  shownStatusChoices,
} from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { amount, fyLabel, projectStatusLabel, rate, yearStatusLabel } from './format.ts';

export interface PlanPageProps {
  view: PlanView;
  fiscalYear: FiscalYear;
  address: PlanAddress;
  department: number | null;
  /** The status filter, as shown: a closed year's unfinished projects are 未完了. */
  status: ShownProjectStatus | null;
  statuses: Map<number, { status: ProjectStatus; comment: string | null }>;
}

/**
 * The plan's tree for one fiscal year: budget, settlement and execution rate at every level,
 * totals last; filters by department and entry status (a GET form: works without JavaScript).
 */
export function PlanPage(props: PlanPageProps) {
  const { view, fiscalYear, address } = props;
  const unit = view.plan.amountUnit;
  const filtered = props.department !== null || props.status !== null;
  const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
  const shown = (projectId: number) =>
    shownProjectStatus(yearStatus, props.statuses.get(projectId)?.status ?? 'untouched');
  const keep = (projectId: number, departmentId: number | null) =>
    (props.department === null || departmentId === props.department) &&
    (props.status === null || shown(projectId) === props.status);
  const plan = filtered
    ? {
        ...view.plan,
        nodes: prune(view.plan.nodes, (p) => {
          const ref = view.refs.get(p);
          return ref ? keep(ref.id, ref.departmentId) : false;
        }),
      }
    : view.plan;
  const { rows, total } = planOverview(plan, fiscalYear);
  return (
    <>
      <h1>{view.summary.title}</h1>
      <p class="lead">
        {fyLabel(fiscalYear)}・{yearStatusLabel(yearStatus)}・単位: {unit}・計画期間{' '}
        {fyLabel(view.summary.firstFiscalYear)}～{fyLabel(view.summary.lastFiscalYear)}
      </p>
      <form method="get" action={urls.plan(address)} class="filters">
        <div class="field">
          <label for="fy">年度</label>
          <select id="fy" name="fy" data-autosubmit>
            {view.readableYears.map((fy) => (
              <option value={String(fy)} selected={fy === fiscalYear}>
                {fyLabel(fy)}
              </option>
            ))}
          </select>
        </div>
        {view.isMember ? (
          <>
            <div class="field">
              <label for="department">担当課</label>
              <select id="department" name="department" data-autosubmit>
                <option value="">すべて</option>
                {[...view.departments].map(([id, name]) => (
                  <option value={String(id)} selected={id === props.department}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="status">入力状況</label>
              <select id="status" name="status" data-autosubmit>
                <option value="">すべて</option>
                {shownStatusChoices(yearStatus).map((s) => (
                  <option value={s} selected={s === props.status}>
                    {projectStatusLabel(s)}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <button type="submit" class="button button--secondary">
          表示
        </button>
      </form>
      <table class="plan-table">
        <caption>
          {fyLabel(fiscalYear)} の予算・決算・執行率（{unit}）{filtered ? '・絞り込み中' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">体系・事業</th>
            {view.isMember ? <th scope="col">担当課</th> : null}
            {view.isMember ? <th scope="col">入力状況</th> : null}
            <th scope="col" class="num">
              予算
            </th>
            <th scope="col" class="num">
              決算
            </th>
            <th scope="col" class="num">
              執行率
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            if (row.kind === 'node') {
              return (
                <tr class={`level-${row.depth}`}>
                  <th scope="row" class={`indent-${row.depth}`}>
                    <span class="visually-hidden">{row.level}: </span>
                    {row.title}
                  </th>
                  {view.isMember ? <td /> : null}
                  {view.isMember ? <td /> : null}
                  <Figures totals={row.totals} unit={unit} />
                </tr>
              );
            }
            const ref = view.refs.get(row.project);
            const status = ref ? shown(ref.id) : shownProjectStatus(yearStatus, 'untouched');
            return (
              <tr>
                <td class={`indent-${row.depth}`}>
                  {row.project.no}.{' '}
                  <a href={urls.project(address, ref?.id ?? 0, { fy: fiscalYear })}>
                    {row.project.name}
                  </a>
                </td>
                {view.isMember ? (
                  <td class="card-department" data-label={t('layout.card.department')}>
                    {ref?.departmentId ? view.departments.get(ref.departmentId) : NO_VALUE_MARK}
                  </td>
                ) : null}
                {view.isMember ? (
                  <td class="card-status" data-label={t('layout.card.status')}>
                    <span class={`tag tag--${status}`}>{projectStatusLabel(status)}</span>
                  </td>
                ) : null}
                <Figures totals={row.totals} unit={unit} />
              </tr>
            );
          })}
          <tr class="total">
            <th scope="row">合計</th>
            {view.isMember ? <td /> : null}
            {view.isMember ? <td /> : null}
            <Figures totals={total} unit={unit} />
          </tr>
        </tbody>
      </table>
    </>
  );
}

function prune(nodes: PlanNode[], keep: (p: Project) => boolean): PlanNode[] {
  return nodes
    .map((n) => ({ ...n, projects: n.projects.filter(keep), children: prune(n.children, keep) }))
    .filter((n) => n.projects.length > 0 || n.children.length > 0);
}

type Totals = ReturnType<typeof planOverview>['total'];

/**
 * A row's budget, settlement and rate. Each cell carries its column's name, shown above the
 * figure on a phone, where the rows are cards and the header row is out of sight.
 */
function Figures(props: { totals: Totals; unit: PlanView['plan']['amountUnit'] }) {
  const { totals, unit } = props;
  return (
    <>
      <td class="num" data-label={t('layout.card.budget')}>
        {amount(totals.budget, unit)}
      </td>
      <td class="num" data-label={t('layout.card.settlement')}>
        {amount(totals.settlement, unit)}
      </td>
      <td class="num" data-label={t('layout.card.rate')}>
        {rate(totals.rate)}
      </td>
    </>
  );
}
