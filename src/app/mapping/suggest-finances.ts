import type { SheetColumn } from './sheet-columns.ts';
import { withoutYear, yearOf, yearRemoved } from './sheet-text.ts';
import { named, type SuggestedRef, type SuggestionState, span } from './suggestion-parts.ts';

type MoneyKind = 'budget' | 'settlement' | 'cost' | 'source' | 'staff' | 'total';

export interface SuggestedDetail {
  label: string;
  kind: 'source' | 'staff' | 'total';
  amount: SuggestedRef;
}

export interface SuggestedFinance {
  fiscalYear: number;
  budget?: SuggestedRef | { sum: SuggestedRef[] };
  settlement?: SuggestedRef | { sum: SuggestedRef[] };
  /** The year's breakdown: funding sources, 人件費, トータルコスト (mapping v2). */
  details?: SuggestedDetail[];
}

/** What a money column holds, by its header without the year (order matters: 人件費 first). */
export function moneyKind(c: SheetColumn): MoneyKind | null {
  const label = withoutYear(c.key);
  if (/トータルコスト|総コスト|フルコスト/.test(label)) return 'total';
  if (/人件費/.test(label)) return 'staff';
  if (/予算/.test(label)) return 'budget';
  if (/決算|執行額/.test(label)) return 'settlement';
  if (/事業費/.test(label)) return 'cost';
  if (
    /国庫|国費|[都道府県]支出金|[都道府県]費|地方債|起債|その他|一般財源|特定財源|財源/.test(label)
  )
    return 'source';
  return null;
}

/** A detail's label: the header without its year and its formula note (人件費（B） → 人件費). */
function detailLabel(c: SheetColumn): string {
  const text = (c.own || c.key).replace(/[(（][A-Za-z＋+\-－\s]*[)）]/g, '');
  const label = yearOf(text) === null ? text : yearRemoved(text);
  return label.replace(/^の/, '').trim() || c.key;
}

interface Block {
  year: number | null;
  /** An unlabelled block, read as a year after the sheet's own year: its cost is a budget. */
  budgetYear?: boolean;
  columns: { column: SheetColumn; kind: MoneyKind }[];
}

/**
 * Each year's amounts: 予算 → budget; 決算 (else 事業費計, else the sum of the funding sources)
 * → settlement. The funding sources, 人件費 and トータルコスト are the year's details (never
 * the settlement, which stays 事業費計 or 決算 or the sources' sum). Blocks of
 * identical headers without a year are told apart by `nth` and their years asked of the user.
 */
export function suggestFinances(
  state: SuggestionState,
  knownYears: readonly number[],
  sheetYear: number | null,
  emptyTokens: readonly string[] = [],
): { finances: SuggestedFinance[]; lastSettled: number | null } {
  // A sparse source column (地方債) may hold more 未定 than numbers: those words are no value.
  const words = (c: SheetColumn) => c.values.filter((v) => emptyTokens.includes(v.trim())).length;
  const money = state
    .free()
    .map((column) => ({ column, kind: moneyKind(column) }))
    .filter(
      (m): m is { column: SheetColumn; kind: MoneyKind } =>
        m.kind !== null && m.column.numbers >= (m.column.filled - words(m.column)) * 0.8,
    );
  const blocks = new Map<number, Block>();
  const unlabelled: Block[] = [];
  const seen = new Map<string, number>();
  for (const m of money) {
    const year = yearOf(m.column.key);
    if (year !== null) {
      const block = blocks.get(year) ?? { year, columns: [] };
      block.columns.push(m);
      blocks.set(year, block);
      continue;
    }
    // The Nth occurrence of a header belongs to the Nth unlabelled block.
    const n = seen.get(m.column.key) ?? 0;
    seen.set(m.column.key, n + 1);
    const block = unlabelled[n] ?? { year: null, columns: [] };
    block.columns.push(m);
    unlabelled[n] = block;
  }
  // Unlabelled blocks are taken as consecutive years ending at the latest year the sheet names
  // (a budget year is usually the last block); each is asked.
  const latest = Math.max(...blocks.keys(), ...knownYears);
  let next = Number.isFinite(latest) ? latest - unlabelled.length + 1 : null;
  for (const block of unlabelled) {
    if (next === null || blocks.has(next)) {
      state.ask('suggest.year-missing', { columns: span(block.columns.map((m) => m.column)) });
      continue;
    }
    block.year = next++;
    // A 令和6年度 evaluation sheet's R7 block is that year's budget, not a settlement.
    block.budgetYear = sheetYear !== null && block.year > sheetYear;
    state.ask('suggest.year-unreadable', {
      columns: span(block.columns.map((m) => m.column)),
      year: block.year,
    });
    blocks.set(block.year, block);
  }
  const ordered = [...blocks.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  // The latest year whose settlement is filled in: the year an evaluation usually looks at.
  const settled = ordered.filter((b) => {
    if (b.budgetYear) return false;
    const kinds: MoneyKind[] = ['settlement', 'cost', 'source'];
    const kind = kinds.find((k) => b.columns.some((m) => m.kind === k));
    return b.columns.some((m) => m.kind === kind && m.column.filled > 0);
  });
  return {
    finances: ordered.map((block) => financeOf(state, block)),
    lastSettled: settled.at(-1)?.year ?? null,
  };
}

function financeOf(state: SuggestionState, block: Block): SuggestedFinance {
  const of = (kind: MoneyKind) => block.columns.filter((m) => m.kind === kind).map((m) => m.column);
  const year = block.year as number;
  const one = (cols: SheetColumn[], what: string) => {
    if (cols.length > 1)
      state.ask('suggest.several-columns', {
        year,
        what,
        columns: cols.map(named).join('、'),
        chosen: named(cols[0] as SheetColumn),
      });
    return state.ref(cols[0] as SheetColumn);
  };
  const finance: SuggestedFinance = { fiscalYear: year };
  const budgets = of('budget');
  if (budgets.length > 0) finance.budget = one(budgets, '予算');
  const settlements = of('settlement');
  const costs = of('cost');
  const sources = of('source');
  const cost =
    costs.length > 0
      ? one(costs, '事業費')
      : sources.length > 0
        ? { sum: sources.map((c) => state.ref(c)) }
        : undefined;
  if (settlements.length > 0) finance.settlement = one(settlements, '決算');
  else if (cost && block.budgetYear && !finance.budget) {
    finance.budget = cost;
    state.ask('suggest.budget-assumed', { year });
  } else if (cost) finance.settlement = cost;
  if (!finance.budget && !finance.settlement) state.ask('suggest.year-no-amount', { year });
  const details = block.columns.flatMap(({ column, kind }): SuggestedDetail[] =>
    kind === 'source' || kind === 'staff' || kind === 'total'
      ? [{ label: detailLabel(column), kind, amount: state.ref(column) }]
      : [],
  );
  if (details.length > 0) {
    finance.details = details;
    state.v2 = true;
  }
  return finance;
}
