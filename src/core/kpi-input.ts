import { toHalfWidth } from './half-width.ts';
import type { KpiDirection, KpiKind, KpiScope } from './kpi.ts';
import { formatIsoDate, isValidDate, parseIsoDate } from './plain-date.ts';
import { parseWarekiDate } from './wareki-date.ts';

/**
 * KPI values, years, dates and choices as Japanese users type them, in a form or a CSV cell:
 * full-width digits and commas (１，２３４), △ or ▲ for a negative number (accounting habit),
 * era years (R3, 令和3年度), and dates as 2021-03-31, R3.3.31, 令和3年3月31日 or Excel's 2021/3/31.
 * Every parser returns null for what it cannot read; an empty text is the caller's business.
 */

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A KPI value: `1,234`, `１２．５`, `-3`, `△3`; null when it is not a plain number. */
export function parseKpiNumber(text: string): number | null {
  let s = toHalfWidth(text).trim().replace(/\s+/g, '');
  if (s === '') return null;
  s = s.replace(/^[△▲−]/, '-');
  if (!NUMBER.test(s)) return null;
  const value = Number(s.replaceAll(',', ''));
  return Number.isFinite(value) ? value : null;
}

const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

/** The date an actual was taken, as ISO (2021-03-31); null when it cannot be read. */
export function parseAsOfDate(text: string): string | null {
  const s = toHalfWidth(text).trim();
  if (s === '') return null;
  const iso = parseIsoDate(s);
  if (iso) return formatIsoDate(iso);
  const slashed = SLASHED.exec(s);
  if (slashed) {
    const d = { year: Number(slashed[1]), month: Number(slashed[2]), day: Number(slashed[3]) };
    return isValidDate(d) ? formatIsoDate(d) : null;
  }
  const wareki = parseWarekiDate(s);
  return wareki ? formatIsoDate(wareki) : null;
}

const norm = (text: string) => toHalfWidth(text).trim().replace(/\s+/g, '').toLowerCase();

const DIRECTIONS: Record<string, KpiDirection> = {
  高: 'higher',
  高い: 'higher',
  高いほどよい: 'higher',
  上: 'higher',
  '↑': 'higher',
  higher: 'higher',
  低: 'lower',
  低い: 'lower',
  低いほどよい: 'lower',
  下: 'lower',
  '↓': 'lower',
  lower: 'lower',
};

/** 高 / 低 (also 高いほどよい, 低いほどよい, higher, lower). */
export function parseKpiDirection(text: string): KpiDirection | null {
  return DIRECTIONS[norm(text)] ?? null;
}

const KINDS: Record<string, KpiKind> = {
  単年度: 'annual',
  単年: 'annual',
  各年度: 'annual',
  annual: 'annual',
  累計: 'cumulative',
  累積: 'cumulative',
  cumulative: 'cumulative',
};

/** 単年度 / 累計 (also annual, cumulative). */
export function parseKpiKind(text: string): KpiKind | null {
  return KINDS[norm(text)] ?? null;
}

const SCOPES: Record<string, KpiScope> = {
  基本目標: 'goal',
  数値目標: 'goal',
  goal: 'goal',
  施策: 'measure',
  具体的な施策: 'measure',
  measure: 'measure',
  事業: 'project',
  事業kpi: 'project',
  project: 'project',
};

/** 基本目標 / 施策 / 事業 (also goal, measure, project). */
export function parseKpiScope(text: string): KpiScope | null {
  return SCOPES[norm(text)] ?? null;
}

export const DIRECTION_LABELS: Record<KpiDirection, string> = {
  higher: '高いほどよい',
  lower: '低いほどよい',
};

export const KIND_LABELS: Record<KpiKind, string> = { annual: '単年度', cumulative: '累計' };

/** What the scope is called in the import's 区分 column. */
export const SCOPE_LABELS: Record<KpiScope, string> = {
  goal: '基本目標',
  measure: '施策',
  project: '事業',
};
