import type { HistoryItem } from '../../app/workflow/history.ts';
import { renderEntry } from '../../core/activity-notation.ts';
import type { AmountUnit } from '../../core/money.ts';
import type { Activity, Conventions } from '../../core/plan.ts';
import { isProjectStatus, isYearStatus } from '../../core/workflow.ts';
import { hasMessage, t } from '../../i18n/translate.ts';
import { describeMetricChange } from './entry-figures.tsx';
import { amount, projectStatusLabel, yearStatusLabel } from './format.ts';
import { describeKpiOrEvaluationChange } from './kpi-change-summary.ts';

/** How a change was made, in words (画面から入力, ファイルの取り込み…); an unknown origin as is. */
export function originLabel(origin: string): string {
  const key = `history.origin.${origin}`;
  return hasMessage(key) ? t(key) : origin;
}

/**
 * Who made a change and how, one under the other: the person's name (none for an import or the
 * demo's set-up) above the way (画面から入力, 入力状況・年度の進行), never nested in brackets.
 */
export function ChangeAuthor(props: { item: HistoryItem }) {
  return (
    <>
      {props.item.userName ? <span class="change-line">{props.item.userName}</span> : null}
      <span class="change-line muted">{originLabel(props.item.origin)}</span>
    </>
  );
}

/** A text field of a recorded status change (`comment`, `override`, a reason), if any. */
function textOf(value: unknown, ...path: string[]): string | null {
  let v: unknown = value;
  for (const key of path) {
    v = v && typeof v === 'object' && key in v ? (v as Record<string, unknown>)[key] : null;
  }
  return typeof v === 'string' && v !== '' ? v : null;
}

function statusOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'status' in value) return String(value.status);
  return '';
}

/** One change in words: finance before → after in the plan's unit, 取組を変更, status changes. */
export function describeChange(item: HistoryItem, unit: AmountUnit): string[] {
  const target = item.target;
  const yen = (v: unknown) => (typeof v === 'number' ? v : null);
  switch (target.type) {
    case 'finance':
      return [
        t('history.finance', {
          field: t(`word.${target.field}`),
          before: amount(yen(item.before), unit),
          after: amount(yen(item.after), unit),
          unit,
        }),
      ];
    case 'activities':
      return [t('history.activities')];
    case 'finance-details':
      return [t('history.finance-details')];
    case 'project-status': {
      const label = (v: unknown) => {
        const s = statusOf(v);
        return isProjectStatus(s) ? projectStatusLabel(s) : s;
      };
      const comment = textOf(item.after, 'comment');
      const reasons = [
        textOf(item.after, 'reasons', 'figures'),
        textOf(item.after, 'reasons', 'result'),
      ];
      const line = t('history.project-status', {
        before: label(item.before),
        after: label(item.after),
      });
      return [
        line,
        ...(comment ? [t('history.comment', { comment })] : []),
        ...reasons.flatMap((reason) => (reason ? [t('history.reason', { reason })] : [])),
      ];
    }
    case 'year-status': {
      const label = (v: unknown) => {
        const s = statusOf(v);
        return isYearStatus(s) ? yearStatusLabel(s) : s;
      };
      const reason = textOf(item.after, 'override');
      const line = t('history.year-status', {
        before: label(item.before),
        after: label(item.after),
      });
      return reason ? [line, t('history.reason', { reason })] : [line];
    }
    case 'kpi':
    case 'kpi-actual':
    case 'evaluation':
    case 'evaluation-comment':
      return [describeKpiOrEvaluationChange(target, item.before, item.after)];
    case 'analysis': {
      const state = (v: unknown) => t(`analysis.state.${textOf(v, 'state') ?? 'draft'}`);
      return [t('history.analysis', { before: state(item.before), after: state(item.after) })];
    }
    case 'metric':
      return [describeMetricChange(item.before, item.after)];
    default:
      // A kind of change this page does not know yet still shows as a change.
      return [t('history.other')];
  }
}

function entriesOf(value: unknown, fiscalYear: number | null, c: Conventions): string[] {
  if (!Array.isArray(value)) return [];
  return (value as Activity[]).flatMap((a) =>
    a.entries
      .filter((e) => e.fiscalYear === fiscalYear)
      .map((e) => `${a.title}: ${renderEntry(e, c)}`),
  );
}

/** One change in words; an activity change opens to this year's entries before and after. */
export function ChangeSummary(props: {
  item: HistoryItem;
  unit: AmountUnit;
  conventions: Conventions;
}) {
  const { item } = props;
  const lines = describeChange(item, props.unit);
  if (item.target.type !== 'activities') {
    return (
      <>
        {lines.map((l) => (
          <span class="change-line">{l}</span>
        ))}
      </>
    );
  }
  const before = entriesOf(item.before, item.fiscalYear, props.conventions);
  const after = entriesOf(item.after, item.fiscalYear, props.conventions);
  return (
    <details>
      <summary>
        {lines[0]} <span class="muted">（{t('history.activities.open')}）</span>
      </summary>
      <p>変更前:</p>
      <ul>{before.length ? before.map((e) => <li>{e}</li>) : <li>（なし）</li>}</ul>
      <p>変更後:</p>
      <ul>{after.length ? after.map((e) => <li>{e}</li>) : <li>（なし）</li>}</ul>
    </details>
  );
}
