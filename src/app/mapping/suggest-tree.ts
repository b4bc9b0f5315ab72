import { isTextual, type SheetColumn } from './sheet-columns.ts';
import { named, type SuggestedRef, type SuggestionState } from './suggestion-parts.ts';

export interface SuggestedTree {
  levelNames: string[];
  levels: (SuggestedRef | { name: SuggestedRef; code: SuggestedRef })[];
  projectNo: SuggestedRef;
  projectName: SuggestedRef;
  department?: SuggestedRef;
  /** The project level's name (事務事業名 → 事務事業). */
  projectLevel: string;
}

const NAME = /事業名|事業の名称|事務事業名/;
const NUMBER = /(番号|No\.?|NO|ID|コード|CD)$/i;
const DEPARTMENT = /担当課|所管課|担当部署|所管部署|担当部局|所管部局|^担当$|^所管$|^課名?$|課$/;
const CODE_HEADER = /(番号|No\.?|NO|ID|コード|CD)$/i;

const pick = (cols: SheetColumn[], test: (c: SheetColumn) => boolean) => cols.find(test);

/** A level or project label from its header: 事務事業名 → 事務事業, 政策名 → 政策. */
export function levelName(c: SheetColumn, fallback: string): string {
  const own = c.own || c.key;
  if (!own) return fallback;
  return own.length > 2 && own.endsWith('名') ? own.slice(0, -1) : own;
}

function findName(state: SuggestionState): SheetColumn | undefined {
  const cols = state.free();
  // 基本事業名 also says 事業名: the project's name is the one whose values are all different.
  const named = cols.filter((c) => NAME.test(c.key));
  const byHeader =
    named.filter((c) => c.filled > 0 && c.distinct === c.filled).at(-1) ??
    named.at(-1) ??
    pick(cols, (c) => /名称$|^名称/.test(c.key));
  if (byHeader) return byHeader;
  // No header says so: the text column whose values are all different and longest.
  const unique = cols.filter((c) => isTextual(c) && c.distinct === c.filled && c.filled > 0);
  const length = (c: SheetColumn) => c.values.join('').length / Math.max(1, c.filled);
  return unique.sort((a, b) => length(b) - length(a))[0];
}

/**
 * The project number: a numbered header (番号, No, ID, コード) whose values are all different,
 * the nearest left of the name (level codes repeat, and sit further left).
 */
function findNumber(state: SuggestionState, name: SheetColumn): SheetColumn | undefined {
  const cols = state.free().filter((c) => c.index !== name.index);
  const numbered = cols.filter((c) => NUMBER.test(c.key) || /^(No\.?|番号)$/i.test(c.own));
  const unique = numbered.filter((c) => c.filled > 0 && c.distinct === c.filled);
  // Without a numbered header that fits, the nearest column left of the name whose values are
  // all different and code-like (an ID column whose header is unreadable).
  const left = cols.filter(
    (c) => c.index < name.index && c.filled > 0 && c.distinct === c.filled && c.codes === c.filled,
  );
  return (
    unique.filter((c) => c.index < name.index).at(-1) ??
    unique[0] ??
    left.at(-1) ??
    numbered.filter((c) => c.index < name.index).at(-1) ??
    numbered[0]
  );
}

/** Whether each code names one text (the code column beside a level's names). */
function codesMatch(code: SheetColumn, name: SheetColumn): boolean {
  const names = new Map<string, Set<string>>();
  // A name left empty beside its code is not carried from the row above: rows keyed by code
  // need not be in tree order.
  code.values.forEach((v, i) => {
    const key = v.trim();
    const text = (name.values[i] ?? '').trim();
    if (!key || !text) return;
    const set = names.get(key) ?? new Set<string>();
    set.add(text);
    names.set(key, set);
  });
  if (names.size === 0) return false;
  const single = [...names.values()].filter((s) => s.size === 1).length;
  return single / names.size >= 0.9;
}

const isCodeColumn = (c: SheetColumn) =>
  c.filled > 0 &&
  c.codes / c.filled >= 0.8 &&
  (CODE_HEADER.test(c.key) || !isTextual(c) || c.codes === c.filled);

/** Whether a column's values repeat in runs (or are left empty under a merged cell). */
const repeats = (c: SheetColumn) =>
  c.filled > 0 && (c.distinct < c.filled || c.filled < c.values.length);

/**
 * The tree: project number and name, department, and the level columns left of the project
 * (text columns whose values repeat in runs), each with its code column when one is beside it.
 */
export function suggestTree(state: SuggestionState): SuggestedTree | null {
  const name = findName(state);
  if (!name) {
    state.ask('suggest.no-project-name');
    return null;
  }
  if (!NAME.test(name.key)) state.ask('suggest.project-name-guessed', { column: named(name) });
  const no = findNumber(state, name);
  if (!no) {
    state.ask('suggest.no-project-no');
    return null;
  }
  const projectName = state.ref(name);
  const projectNo = state.ref(no);
  const dept =
    state.free().find((c) => DEPARTMENT.test(c.key) && isTextual(c)) ??
    state.free().find((c) => DEPARTMENT.test(c.key));
  const department = dept ? state.ref(dept) : undefined;
  if (!dept) state.ask('suggest.no-department');
  const leftOf = Math.min(name.index, no.index);
  const candidates = state.free().filter((c) => c.index < leftOf && c.filled > 0);
  const texts = candidates.filter((c) => isTextual(c) && !isCodeColumn(c));
  const codes = candidates.filter((c) => !texts.includes(c) && isCodeColumn(c));
  const tree: SuggestedTree = {
    levelNames: [],
    levels: [],
    projectNo,
    projectName,
    department,
    projectLevel: levelName(name, '事業'),
  };
  const levelColumns = texts.filter((c) => {
    if (repeats(c)) return true;
    state.ask('suggest.level-unsure', { column: named(c) });
    return false;
  });
  if (levelColumns.length === 0) {
    const fallback = dept ?? texts[0];
    state.ask('suggest.no-levels', { column: fallback ? named(fallback) : '' });
    if (!fallback) return null;
    tree.levels.push(fallback === dept && department ? department : state.ref(fallback));
    tree.levelNames.push(levelName(fallback, '分類'));
    return tree;
  }
  for (const c of levelColumns) {
    const code = [
      codes.find((x) => x.index === c.index - 1),
      codes.find((x) => x.index === c.index + 1),
    ].find((x) => x !== undefined && !state.used.has(x.index) && codesMatch(x, c));
    tree.levelNames.push(levelName(c, `階層${tree.levels.length + 1}`));
    if (code) {
      state.v2 = true;
      tree.levels.push({ name: state.ref(c), code: state.ref(code) });
    } else tree.levels.push(state.ref(c));
  }
  return tree;
}
