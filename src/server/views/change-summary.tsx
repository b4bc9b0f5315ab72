import type { HistoryItem } from '../../app/workflow/history.ts';
import { renderEntry } from '../../core/activity-notation.ts';
import { type AmountUnit, formatAmount } from '../../core/money.ts';
import type { Activity, Conventions } from '../../core/plan.ts';
import { t } from '../../i18n/translate.ts';
import { projectStatusLabel, yearStatusLabel } from './format.ts';

const ORIGIN: Record<string, string> = {
  web: '画面',
  import: '取り込み',
  restore: '復元',
  workflow: '進行',
};

export function originLabel(origin: string): string {
  return ORIGIN[origin] ?? origin;
}

function statusOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'status' in value) return String(value.status);
  return '';
}

function entriesOf(value: unknown, fiscalYear: number | null, c: Conventions): string[] {
  if (!Array.isArray(value)) return [];
  return (value as Activity[]).flatMap((a) =>
    a.entries
      .filter((e) => e.fiscalYear === fiscalYear)
      .map((e) => `${a.title}: ${renderEntry(e, c)}`),
  );
}

/** One change in words: what it touched, before → after. */
export function ChangeSummary(props: {
  item: HistoryItem;
  unit: AmountUnit;
  conventions: Conventions;
}) {
  const { item, unit } = props;
  const target = item.target;
  if (target.type === 'finance') {
    return (
      <span>
        {t(`word.${target.field}`)}: {formatAmount(item.before as number | null, unit)} →{' '}
        {formatAmount(item.after as number | null, unit)}（{unit}）
      </span>
    );
  }
  if (target.type === 'project-status') {
    const comment =
      item.after && typeof item.after === 'object' && 'comment' in item.after
        ? String(item.after.comment)
        : null;
    return (
      <span>
        入力状況: {projectStatusLabel(statusOf(item.before) as never)} →{' '}
        {projectStatusLabel(statusOf(item.after) as never)}
        {comment ? `（${comment}）` : ''}
      </span>
    );
  }
  if (target.type === 'year-status') {
    const override =
      item.after && typeof item.after === 'object' && 'override' in item.after
        ? String(item.after.override)
        : null;
    return (
      <span>
        年度の状態: {yearStatusLabel(statusOf(item.before) as never)} →{' '}
        {yearStatusLabel(statusOf(item.after) as never)}
        {override ? `（理由: ${override}）` : ''}
      </span>
    );
  }
  const before = entriesOf(item.before, item.fiscalYear, props.conventions);
  const after = entriesOf(item.after, item.fiscalYear, props.conventions);
  return (
    <details>
      <summary>取組・結果を変更</summary>
      <p>変更前:</p>
      <ul>{before.length ? before.map((e) => <li>{e}</li>) : <li>（なし）</li>}</ul>
      <p>変更後:</p>
      <ul>{after.length ? after.map((e) => <li>{e}</li>) : <li>（なし）</li>}</ul>
    </details>
  );
}
