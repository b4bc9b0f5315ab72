import { readColumns, type SheetColumn } from './sheet-columns.ts';
import { findLayout, type SampleRow } from './sheet-layout.ts';
import { yearOf } from './sheet-text.ts';
import { suggestEvaluation, suggestNotes, suggestTags } from './suggest-evaluation.ts';
import { suggestFinances } from './suggest-finances.ts';
import { suggestIndicators } from './suggest-indicators.ts';
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

const UNIT = /(百万円|千円|円)/;

function amountUnit(texts: string[], state: SuggestionState): '円' | '千円' | '百万円' {
  for (const text of texts) {
    const s = text.normalize('NFKC');
    const m = /単位[:：]?\s*(百万円|千円|円)/.exec(s) ?? /[(（](百万円|千円|円)[)）]/.exec(s);
    if (m) return m[1] as '円' | '千円' | '百万円';
  }
  state.ask('suggest.unit-assumed');
  return '千円';
}

/** The years the headers name (targets, actuals, amounts), to set the plan's period. */
function yearsIn(columns: readonly SheetColumn[]): number[] {
  return columns.map((c) => yearOf(c.key)).filter((y): y is number => y !== null);
}

/**
 * Proposes a column mapping from a sheet's first rows (pure: rows in, a mapping out): where the
 * header and data rows are, the tree's level columns (with their code columns), the project's
 * number, name and department, each year's amounts, indicators and evaluation. Everything it
 * cannot tell is returned as a question; a mapping using a version 2 feature says version 2.
 */
export function suggestMapping(
  rows: readonly SampleRow[],
  options: { sheet?: string } = {},
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
  const unit = amountUnit([...layout.titleTexts, ...state.columns.map((c) => c.key)], state);
  const finances = suggestFinances(
    state,
    headerYears.length > 0 ? [] : titleYear ? [titleYear] : [],
  );
  const years = [...headerYears, ...finances.map((f) => f.fiscalYear)];
  const lastYear = years.length > 0 ? Math.max(...years) : titleYear;
  const indicators = suggestIndicators(state, lastYear);
  const evaluation = suggestEvaluation(state, titleYear, finances.at(-1)?.fiscalYear ?? lastYear);
  const notes = suggestNotes(state);
  const tags = suggestTags(state);
  if (!tree) return { mapping: null, questions: state.questions, unused: [], read: 0 };
  const first = years.length > 0 ? Math.min(...years) : titleYear;
  const last = lastYear;
  if (first === null || last === null) state.ask('suggest.period-missing');
  const title = layout.titleTexts.find(
    (t) => t.trim().length >= 4 && !UNIT.test(t) && !/^[(（]/.test(t.trim()),
  );
  if (!title) state.ask('suggest.title-missing');
  const text = [...layout.titleTexts, ...state.columns.map((c) => c.key)].join(' ');
  const mapping: Record<string, unknown> = {
    format: 'sousei-mapping',
    version: state.v2 ? 2 : 1,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRows: layout.headerRows,
    dataStartRow: layout.dataStartRow,
    requiredColumn: tree.projectNo,
    plan: {
      ...(title ? { title: title.trim() } : {}),
      kind: /総合戦略|基本目標|KPI/.test(text) ? '総合戦略' : '総合計画',
      levels: [...tree.levelNames, tree.projectLevel],
      firstFiscalYear: first ?? last ?? 2020,
      lastFiscalYear: last ?? first ?? 2020,
    },
    amountUnit: unit,
    columns: {
      levels: tree.levels,
      projectNo: tree.projectNo,
      projectName: tree.projectName,
      ...(tree.department ? { department: tree.department } : {}),
      ...(notes ? { notes } : {}),
    },
    finances,
    indicators,
    ...(tags.length > 0 ? { tags } : {}),
    ...(evaluation ? { evaluation } : {}),
  };
  if (finances.length === 0) state.ask('suggest.no-finances');
  const unused = state.columns
    .filter((c) => !state.used.has(c.index) && (c.header !== '' || c.filled > 0))
    .map(named);
  return { mapping, questions: state.questions, unused, read: state.used.size };
}
