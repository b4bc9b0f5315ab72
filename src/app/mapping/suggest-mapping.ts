import { DEFAULT_POLICIES } from '../../core/status-scale.ts';
import { readColumns, type SheetColumn } from './sheet-columns.ts';
import { findLayout, type SampleRow } from './sheet-layout.ts';
import { yearOf } from './sheet-text.ts';
import { suggestCellRules } from './suggest-cell-rules.ts';
import { suggestEvaluation, suggestNotes } from './suggest-evaluation.ts';
import { suggestFinances } from './suggest-finances.ts';
import { suggestIndicators } from './suggest-indicators.ts';
import { suggestTags } from './suggest-tags.ts';
import { suggestTexts } from './suggest-texts.ts';
import { suggestTree } from './suggest-tree.ts';
import { named, type SuggestionQuestion, SuggestionState } from './suggestion-parts.ts';

export type { SampleRow } from './sheet-layout.ts';
export type { SuggestionQuestion } from './suggestion-parts.ts';

export interface MappingSuggestion {
  /** The proposed mapping (docs/mapping.md), or null when the sheet has no table to read. */
  mapping: Record<string, unknown> | null;
  /** Every guess that could not be made, for the user to answer by editing the mapping. */
  questions: SuggestionQuestion[];
  /** Columns the mapping does not read, named, so that nothing is left out silently. */
  unused: string[];
  /** How many columns the mapping reads (to choose between sheets). */
  read: number;
}

type Unit = '円' | '千円' | '百万円';

function amountUnit(texts: readonly string[], state: SuggestionState): Unit {
  for (const text of texts) {
    const s = text.normalize('NFKC');
    const m = /単位[:：]?\s*(百万円|千円|円)/.exec(s) ?? /[(（](百万円|千円|円)[)）]/.exec(s);
    if (m) return m[1] as Unit;
  }
  state.ask('suggest.unit-assumed');
  return '千円';
}

/** A title without its unit note: 「実施計画（単位：千円）」 → 「実施計画」. */
const withoutUnitNote = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\(?\s*単位\s*:?\s*(百万円|千円|円)\s*\)?/g, '')
    .replace(/^\((百万円|千円|円)\)$/, '')
    .trim();

/** 総合計画 unless the sheet says 総合戦略; a kind the title does not state is asked. */
function planKind(titles: readonly string[], headers: string, state: SuggestionState): string {
  const said = titles.join(' ');
  if (said.includes('総合計画')) return '総合計画';
  if (said.includes('総合戦略')) return '総合戦略';
  const kind = /基本目標|KPI/.test(headers) ? '総合戦略' : '総合計画';
  state.ask('suggest.kind-assumed', { kind });
  return kind;
}

/** The years the headers name (targets, actuals, amounts), to set the plan's period. */
function yearsIn(columns: readonly SheetColumn[]): number[] {
  return columns.map((c) => yearOf(c.key)).filter((y): y is number => y !== null);
}

/**
 * Proposes a column mapping from a sheet's first rows (pure: rows in, a mapping out): where the
 * header and data rows are, the tree's level columns (with their code columns), the project's
 * number, name and department, each year's amounts and their breakdown, result and plan texts,
 * flag columns as tags, indicators and evaluation (its policies mapped onto `policies`, the
 * municipality's 今後の方針 words, the core's defaults unless given). Everything it cannot tell
 * is returned as a question; a mapping using a version 2 feature says version 2.
 */
export function suggestMapping(
  rows: readonly SampleRow[],
  options: { sheet?: string; policies?: readonly string[] } = {},
): MappingSuggestion {
  const layout = findLayout(rows);
  if (!layout || layout.headerRows.length === 0) {
    return {
      mapping: null,
      questions: [{ code: 'suggest.no-table', params: {} }],
      unused: [],
      read: 0,
    };
  }
  const state = new SuggestionState(readColumns(rows, layout));
  const titleYear = layout.titleTexts.map(yearOf).find((y) => y !== null) ?? null;
  const headerYears = yearsIn(state.columns);
  const tree = suggestTree(state);
  const headers = state.columns.map((c) => c.key);
  const unit = amountUnit([...layout.titleTexts, ...headers], state);
  const cellRules = suggestCellRules(state, unit);
  const money = suggestFinances(
    state,
    titleYear ? [...headerYears, titleYear] : headerYears,
    titleYear,
    cellRules.emptyTokens,
  );
  const finances = money.finances;
  const years = [...headerYears, ...finances.map((f) => f.fiscalYear)];
  const lastYear = years.length > 0 ? Math.max(...years) : titleYear;
  const texts = suggestTexts(state, titleYear ?? lastYear);
  const indicators = suggestIndicators(state, lastYear);
  const tags = suggestTags(state);
  const evaluation = suggestEvaluation(
    state,
    titleYear,
    money.lastSettled ?? lastYear,
    options.policies ?? DEFAULT_POLICIES,
  );
  const notes = suggestNotes(state);
  if (!tree) return { mapping: null, questions: state.questions, unused: [], read: 0 };
  const first = years.length > 0 ? Math.min(...years) : titleYear;
  if (first === null || lastYear === null) state.ask('suggest.period-missing');
  const title = layout.titleTexts.map(withoutUnitNote).find((t) => t.length >= 4);
  if (!title) state.ask('suggest.title-missing');
  if (finances.length === 0) state.ask('suggest.no-finances');
  const kind = planKind(layout.titleTexts, headers.join(' '), state);
  const mapping: Record<string, unknown> = {
    format: 'sousei-mapping',
    version: state.v2 ? 2 : 1,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRows: layout.headerRows,
    dataStartRow: layout.dataStartRow,
    requiredColumn: tree.projectNo,
    plan: {
      ...(title ? { title } : {}),
      kind,
      levels: [...tree.levelNames, tree.projectLevel],
      firstFiscalYear: first ?? lastYear ?? 2020,
      lastFiscalYear: lastYear ?? first ?? 2020,
    },
    amountUnit: unit,
    ...cellRules,
    columns: {
      levels: tree.levels,
      projectNo: tree.projectNo,
      projectName: tree.projectName,
      ...(tree.department ? { department: tree.department } : {}),
      ...(notes ? { notes } : {}),
    },
    ...(tags.length > 0 ? { tags } : {}),
    ...(texts.length > 0 ? { texts } : {}),
    finances,
    indicators,
    ...(evaluation ? { evaluation } : {}),
  };
  const unused = state.columns
    .filter((c) => !state.used.has(c.index) && (c.header !== '' || c.filled > 0))
    .map(named);
  return { mapping, questions: state.questions, unused, read: state.used.size };
}
