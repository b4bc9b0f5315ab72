import type { PlanView } from '../../app/views/plan-view.ts';
import {
  type ActivityView,
  PROJECT_HISTORY_LIMIT,
  type ProjectView,
} from '../../app/views/project-view.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import type { Conventions, FinanceDetail } from '../../core/plan.ts';
import { shownProjectStatus } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { ChangeAuthor, describeChange } from './change-summary.tsx';
import { DoneNotice } from './done-notice.tsx';
import { EntryFigures, type FigureConfirm, type FigureFormState } from './entry-figures.tsx';
import { amount, dateTime, fyLabel, projectStatusLabel, rate, yearStatusLabel } from './format.ts';
import { MetricTrendTable } from './metric-trend-table.tsx';
import { ActivityMark, EntryMark, EntryText } from './notation.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { YearFilter } from './year-filter.tsx';

export interface ProjectPageProps {
  view: PlanView;
  project: ProjectView;
  fiscalYear: number;
  address: PlanAddress;
  /** The reader's CSRF token: forms to confirm figures are shown only to who may edit the year. */
  csrf?: string;
  /** What the last action did (`?done=metric`). */
  done?: string | undefined;
  /** A refused confirmation of a figure, shown open with what was typed. */
  refused?: (FigureFormState & { entry: number; position: number }) | null;
}

/**
 * One project: its place in the tree, figures of every readable year, activities with their
 * entries per year, and for members the entry status, the way to the entry form and the history.
 */
export function ProjectPage(props: ProjectPageProps) {
  const { view, project: pv, fiscalYear, address } = props;
  const { project, ref } = pv;
  const unit = view.plan.amountUnit;
  const self = urls.project(address, ref.id);
  const confirmYear = pv.metrics.confirmYear;
  const confirm: FigureConfirm | null =
    confirmYear !== null && props.csrf
      ? {
          address,
          projectId: ref.id,
          fiscalYear: confirmYear,
          version: ref.version,
          csrf: props.csrf,
        }
      : null;
  const figures = { pv, confirm, refused: props.refused ?? null };
  return (
    <>
      <DoneNotice done={props.done} />
      <p class="lead">{view.summary.title}</p>
      <h1>
        <span class="visually-hidden">{view.plan.plan.levels.at(-1) ?? '事業'} </span>
        {project.no}. {project.name}
      </h1>
      {project.notes.length > 0 ? (
        <ul class="notes">
          {project.notes.map((note) => (
            <li>※{note}</li>
          ))}
        </ul>
      ) : null}
      <dl class="summary-list">
        <dt>担当課</dt>
        <dd>{project.department ?? NO_VALUE_MARK}</dd>
        {project.tags && project.tags.length > 0 ? (
          <>
            <dt>{t('project.tags')}</dt>
            <dd>
              {project.tags.map((tag) => (
                <>
                  <span class="tag">{tag}</span>{' '}
                </>
              ))}
            </dd>
          </>
        ) : null}
        <dt>体系上の位置</dt>
        <dd>
          <ol class="tree-path">
            {pv.path.map((step) => (
              <li>
                <span class="tree-path__level">{step.level}</span>
                {step.title}
              </li>
            ))}
          </ol>
        </dd>
      </dl>

      {pv.member ? (
        <section aria-labelledby="entry-status" class="notice">
          <h2 id="entry-status">{fyLabel(pv.member.fiscalYear)} の入力状況</h2>
          <p>
            <span class={`tag tag--${shownProjectStatus(pv.member.yearStatus, pv.member.status)}`}>
              {projectStatusLabel(shownProjectStatus(pv.member.yearStatus, pv.member.status))}
            </span>{' '}
            （年度: {yearStatusLabel(pv.member.yearStatus)}）
          </p>
          {pv.member.comment ? <p>{t('history.comment', { comment: pv.member.comment })}</p> : null}
          {pv.member.canEdit ? (
            <p>
              <a
                class="button"
                href={urls.projectPage(address, ref.id, 'edit', { fy: pv.member.fiscalYear })}
              >
                {t('project.edit', { fiscalYear: fyLabel(pv.member.fiscalYear) })}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      <YearFilter action={self} years={view.readableYears} selected={fiscalYear} />

      <ScrollBox label={t('layout.box.project-finances')}>
        <table>
          <caption>年度ごとの予算・決算・執行率（単位: {unit}）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
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
            {pv.figures.map((f) => {
              const selected = f.fiscalYear === fiscalYear;
              return (
                <tr class={selected ? 'is-selected' : undefined}>
                  <th scope="row">
                    {selected ? (
                      <>
                        {fyLabel(f.fiscalYear)}
                        <span class="visually-hidden"> 選択中</span>
                      </>
                    ) : (
                      <a href={urls.project(address, ref.id, { fy: f.fiscalYear })}>
                        {fyLabel(f.fiscalYear)}
                      </a>
                    )}
                  </th>
                  <td class="num">{amount(f.budget, unit)}</td>
                  <td class="num">{amount(f.settlement, unit)}</td>
                  <td class="num">{rate(f.rate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <FinanceDetails
        details={project.finances.find((f) => f.fiscalYear === fiscalYear)?.details ?? []}
        fiscalYear={fiscalYear}
        unit={unit}
      />

      <h2>取組と結果</h2>
      {pv.activities.length === 0 ? <p>{t('project.no-activities')}</p> : null}
      <ul class="activity-list">
        {pv.activities.map((a) => (
          <ActivityItem
            item={a}
            address={address}
            conventions={view.plan.conventions}
            figures={figures}
          />
        ))}
      </ul>
      {pv.metrics.trends.length > 0 ? (
        <>
          <h2>{t('metric.trends')}</h2>
          <MetricTrendTable trends={pv.metrics.trends} caption={t('metric.trends.caption')} />
        </>
      ) : null}

      {pv.member ? (
        <>
          <h2>最近の変更</h2>
          {pv.member.history.length === 0 ? (
            <p>{t('project.no-history')}</p>
          ) : (
            <ScrollBox label={t('layout.box.project-history')}>
              <table>
                <caption>新しい順（最大 {PROJECT_HISTORY_LIMIT} 件）</caption>
                <thead>
                  <tr>
                    <th scope="col">日時</th>
                    <th scope="col">変更した人</th>
                    <th scope="col">年度</th>
                    <th scope="col">内容</th>
                  </tr>
                </thead>
                <tbody>
                  {pv.member.history.map((item) => (
                    <tr>
                      <td>
                        <time datetime={item.at}>{dateTime(item.at)}</time>
                      </td>
                      <td>
                        <ChangeAuthor item={item} />
                      </td>
                      <td>{item.fiscalYear === null ? NO_VALUE_MARK : fyLabel(item.fiscalYear)}</td>
                      <td>
                        {describeChange(item, unit).map((line) => (
                          <div>{line}</div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <p>
            <a href={urls.planPage(address, 'history')}>計画全体の変更履歴</a>
          </p>
        </>
      ) : null}
    </>
  );
}

/**
 * The selected year's cost breakdown (funding sources, 人件費, トータルコスト) under its figures.
 * The project comes through the public projection, so a year the reader may not see has none.
 */
function FinanceDetails(props: {
  details: readonly FinanceDetail[];
  fiscalYear: number;
  unit: ProjectPageProps['view']['plan']['amountUnit'];
}) {
  if (props.details.length === 0) return null;
  return (
    <ScrollBox
      label={t('finance-details.caption', { year: fyLabel(props.fiscalYear), unit: props.unit })}
    >
      <table class="finance-details">
        <caption>
          {t('finance-details.caption', { year: fyLabel(props.fiscalYear), unit: props.unit })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('finance-details.label')}</th>
            <th scope="col">{t('finance-details.kind')}</th>
            <th scope="col" class="num">
              {t('finance-details.amount', { unit: props.unit })}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.details.map((d) => (
            <tr>
              <th scope="row">{d.label}</th>
              <td>{t(`finance-details.kind.${d.kind}`)}</td>
              <td class="num">{amount(d.amount, props.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function ActivityItem(props: {
  item: ActivityView;
  address: PlanAddress;
  conventions: Conventions;
  figures: {
    pv: ProjectView;
    confirm: FigureConfirm | null;
    refused: ProjectPageProps['refused'] | null;
  };
}) {
  const { pv, confirm, refused } = props.figures;
  const { activity, groups, relistOf } = props.item;
  const rest = activity.text.startsWith(activity.title)
    ? activity.text.slice(activity.title.length)
    : null;
  return (
    <li class="activity-item">
      {/* Results read from a text column have no activity words: no empty ☐ line. */}
      {activity.text === '' ? null : (
        <p class="activity">
          <ActivityMark />
          <strong>{activity.title}</strong>
          {rest === null ? <span class="activity__text">{activity.text}</span> : rest}
        </p>
      )}
      {relistOf ? (
        <p class="relist">
          再掲元:{' '}
          <a href={urls.project(props.address, relistOf.projectId)}>
            {t('project.relist-of', {
              no: relistOf.no,
              name: relistOf.name,
              position: relistOf.position,
            })}
          </a>
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p class="muted">{t('project.no-entries')}</p>
      ) : (
        <dl class="entry-groups">
          {groups.map((g) => (
            <>
              <dt>{g.fiscalYear === null ? t('word.undated') : fyLabel(g.fiscalYear)}</dt>
              <dd>
                <ul class="entries">
                  {g.entries.map((e) => (
                    <li>
                      <EntryMark entry={e} conventions={props.conventions} />
                      <EntryText entry={e} />
                      <EntryFigures
                        reading={pv.metrics.readings.get(e)}
                        confirm={confirm && e.fiscalYear === confirm.fiscalYear ? confirm : null}
                        refused={refused ?? null}
                      />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ))}
        </dl>
      )}
    </li>
  );
}
