import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.ts';
import { allProjects, type PlanNode } from '../../core/plan.ts';
import { MappingSchema } from './mapping-schema.ts';
import { readMappedRows } from './read-mapped-rows.ts';

const context = { file: 'f.xlsx', municipality: { code: '131016', name: '千代田区' }, title: 'T' };

/** Rows 1.. of a sheet from arrays of cell texts. */
const grid = (rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

/** A version-2 mapping over a one-header-row sheet, with `extra` merged in. */
function mapping(extra: Record<string, unknown> = {}, columns: Record<string, unknown> = {}) {
  return MappingSchema.parse({
    format: 'sousei-mapping',
    version: 2,
    headerRows: [1],
    dataStartRow: 2,
    plan: { levels: ['政策', '事業'], firstFiscalYear: 2020, lastFiscalYear: 2024 },
    ...extra,
    columns: { levels: ['A'], projectNo: 'B', projectName: 'C', ...columns },
  });
}

const codes = (findings: Finding[]) =>
  findings.map((f) => [f.severity, f.code, f.location?.cell ?? f.location?.path, f.found]);

const titles = (nodes: PlanNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.title, titles(n.children)] : n.title));

/** Two year blocks (merged label row 1) over identical headers, as cities lay them out. */
const blocks = grid([
  ['政策', 'No', '事業名', '令和4年度', '', '令和5年度', '', '評価'],
  ['', '', '', '事業費計（A）', '人件費', '事業費計(A)', '人件費', ''],
  ['1 まち', '1', '甲', '100', '5', '200', '6', '継続'],
]);
const blockMapping = (settlement: unknown, extra: Record<string, unknown> = {}) =>
  mapping({
    headerRows: [1, 2],
    dataStartRow: 3,
    finances: [{ fiscalYear: 2022, settlement }],
    ...extra,
  });

describe('column references (mapping v2)', () => {
  it('refuses identical headers without nth or under, listing every candidate', async () => {
    const r = await readMappedRows(blocks, blockMapping({ header: '事業費計（A）' }), context);
    expect(r.plan).toBeNull();
    expect(r.findings.map((f) => [f.code, f.location?.path, f.params?.candidates])).toEqual([
      [
        'mapping.column-ambiguous',
        'finances.0.settlement',
        'D: 令和4年度事業費計（A）, F: 令和5年度事業費計(A)',
      ],
    ]);
  });

  it('picks the Nth of identical headers, or the one under a block label', async () => {
    for (const ref of [
      { header: '事業費計（A）', nth: 2 },
      { header: '事業費計(A)', under: '令和5年度' },
      { letter: 'F' },
    ]) {
      const r = await readMappedRows(blocks, blockMapping(ref), context);
      expect(r.findings).toEqual([]);
      expect(allProjects(r.plan as never)[0]?.finances).toEqual([
        { fiscalYear: 2022, budget: null, settlement: 200_000 },
      ]);
    }
  });

  it('refuses an ambiguous `contains` too, never taking the first', async () => {
    const r = await readMappedRows(blocks, blockMapping({ contains: '人件' }), context);
    expect(r.findings.map((f) => f.code)).toEqual(['mapping.column-ambiguous']);
  });

  it('names every entry that matches nothing (evaluation included), listing the headers read', async () => {
    const m = blockMapping(
      { header: '事業費計（A）', under: '令和9年度' },
      { evaluation: { fiscalYear: 2023, policy: { header: '今後の方向性' } } },
    );
    const r = await readMappedRows(blocks, m, context);
    expect(r.findings.map((f) => [f.code, f.location?.path])).toEqual([
      ['mapping.column-not-found', 'finances.0.settlement'],
      ['mapping.column-not-found', 'evaluation.policy'],
    ]);
    expect(r.findings[1]?.params?.headers).toBe(
      'A: 政策, B: No, C: 事業名, D: 令和4年度事業費計（A）, E: 令和4年度人件費, ' +
        'F: 令和5年度事業費計(A), G: 令和5年度人件費, H: 評価',
    );
  });

  it('maps values, refusing a text the map does not have (cell, value, keys)', async () => {
    const sheet = grid([
      ['政策', 'No', '事業名', '方向性'],
      ['1 まち', '1', '甲', '１ 現状維持'],
      ['1 まち', '2', '乙', '2 改善'],
      ['1 まち', '3', '丙', '3 廃止'],
    ]);
    const values = { '1 現状維持': '継続', '2 改善': '改善' };
    const m = mapping({ evaluation: { fiscalYear: 2023, policy: { header: '方向性', values } } });
    const r = await readMappedRows(sheet, m, context);
    expect(r.evaluations.map((e) => e.policy)).toEqual(['継続', '改善']);
    expect(codes(r.findings)).toEqual([['error', 'mapping.value-not-mapped', 'D4', '3 廃止']]);
    expect(r.findings[0]?.params?.keys).toBe('1 現状維持, 2 改善');
  });

  it('stores an unreadable cell as empty with a warning when the column says onUnreadable: empty', async () => {
    const sheet = grid([
      ['政策', 'No', '事業名', 'KPI', '目標', '実績'],
      ['1 まち', '1', '甲', '件数', '10', '約5'],
    ]);
    const indicator = (actual: unknown) => ({
      name: 'D',
      unit: { text: '件' },
      targets: { 2024: 'E' },
      actuals: { 2022: actual },
    });
    const strict = await readMappedRows(sheet, mapping({ indicators: [indicator('F')] }), context);
    expect(codes(strict.findings)).toEqual([['error', 'mapping.not-a-number', 'F2', '約5']]);
    const lenient = await readMappedRows(
      sheet,
      mapping({ indicators: [indicator({ letter: 'F', onUnreadable: 'empty' })] }),
      context,
    );
    expect(codes(lenient.findings)).toEqual([['warning', 'mapping.not-a-number', 'F2', '約5']]);
    expect(lenient.kpis.map((k) => k.actuals)).toEqual([[]]);
    expect(lenient.plan).not.toBeNull();
  });
});

describe('no value and rounding', () => {
  const sheet = grid([
    ['政策', 'No', '事業名', '予算', '決算', '実績'],
    ['1 まち', '1', '甲', '\u2010', '\u2013', '\u2014'],
    ['1 まち', '2', '乙', '該当なし', '1,355.3925', '\uFF0D'],
  ]);
  const m = (extra: Record<string, unknown>) =>
    mapping({
      finances: [{ fiscalYear: 2022, budget: 'D', settlement: 'E' }],
      indicators: [{ name: { text: '件数' }, unit: { text: '件' }, actuals: { 2022: 'F' } }],
      ...extra,
    });

  it('reads dash variants and emptyTokens as no value; refuses a fraction of a yen by default', async () => {
    const r = await readMappedRows(sheet, m({ emptyTokens: ['該当なし'] }), context);
    expect(codes(r.findings)).toEqual([['error', 'amount.too-many-decimals', 'E3', '1,355.3925']]);
  });

  it('rounds fractions of a yen exactly as asked, counting them in one info finding', async () => {
    const r = await readMappedRows(
      sheet,
      m({ emptyTokens: ['該当なし'], rounding: 'round' }),
      context,
    );
    expect(codes(r.findings)).toEqual([['info', 'mapping.amounts-rounded', undefined, undefined]]);
    expect(r.findings[0]?.params?.count).toBe(1);
    expect(allProjects(r.plan as never).map((p) => p.finances)).toEqual([
      [],
      [{ fiscalYear: 2022, budget: null, settlement: 1_355_393 }],
    ]);
  });
});

describe('the tree keyed by code columns', () => {
  // Rows ordered by project number, not by the tree, as a 事務事業 list is.
  const sheet = grid([
    ['政策CD', '政策', '施策CD', '施策', 'No', '事業名'],
    ['02', '活力', '0201', '産業', '0001', '甲'],
    ['01', '安心', '0101', '子育て', '0002', '乙'],
    ['02', '', '0202', '観光', '0003', '丙'],
    ['01', '安心', '0101', '子育て支援', '0004', '丁'],
    ['02', '活力', '0201', '産業', '0005', '戊'],
  ]);
  const levels = [
    { name: 'B', code: 'A' },
    { name: 'D', code: 'C' },
  ];
  const m = MappingSchema.parse({
    format: 'sousei-mapping',
    version: 2,
    headerRows: [1],
    dataStartRow: 2,
    plan: { levels: ['政策', '施策', '事業'], firstFiscalYear: 2020, lastFiscalYear: 2024 },
    columns: { levels, projectNo: 'E', projectName: 'F' },
  });

  it('groups rows by code wherever they are, orders nodes by code, keeps the codes', async () => {
    const r = await readMappedRows(sheet, m, context);
    expect(r.plan?.nodes.map((n) => [n.code, n.title])).toEqual([
      ['01', '安心'],
      ['02', '活力'],
    ]);
    expect(titles(r.plan?.nodes ?? [])).toEqual([
      ['安心', ['子育て']],
      ['活力', ['産業', '観光']],
    ]);
    expect(r.plan?.nodes[1]?.children[0]?.projects.map((p) => p.no)).toEqual(['0001', '0005']);
    expect(r.summary.nodes).toEqual([2, 3]);
  });

  it('warns of one code with two names, keeping the first and naming its cell', async () => {
    const r = await readMappedRows(sheet, m, context);
    expect(codes(r.findings)).toEqual([
      ['warning', 'mapping.code-names-differ', 'D5', '子育て支援'],
    ]);
    expect(r.findings[0]?.params).toMatchObject({ code: '0101', kept: '子育て', keptCell: 'D3' });
  });

  it('names a node read first without a name from a later row of its code; never named is an error', async () => {
    const named = grid([
      ['政策CD', '政策', 'No', '事業名'],
      ['01', '', '1', '甲'],
      ['01', '安心', '2', '乙'],
      ['02', '', '3', '丙'],
    ]);
    const oneLevel = MappingSchema.parse({
      ...m,
      plan: { ...m.plan, levels: ['政策', '事業'] },
      columns: { levels: [{ name: 'B', code: 'A' }], projectNo: 'C', projectName: 'D' },
    });
    const r = await readMappedRows(named, oneLevel, context);
    expect(codes(r.findings)).toEqual([['error', 'mapping.level-missing', 'B4', '02']]);
    const ok = await readMappedRows(named.slice(0, 3), oneLevel, context);
    expect(ok.plan?.nodes.map((n) => [n.code, n.title, n.projects.length])).toEqual([
      ['01', '安心', 2],
    ]);
  });

  it('groups rows by name when a level has no code, not only adjacent ones', async () => {
    const byName = grid([
      ['政策', 'No', '事業名'],
      ['1 まち', '1', '甲'],
      ['2 ひと', '2', '乙'],
      ['1 まち', '3', '丙'],
      ['', '4', '丁'],
    ]);
    const r = await readMappedRows(byName, mapping(), context);
    expect(r.plan?.nodes.map((n) => [n.title, n.projects.map((p) => p.no)])).toEqual([
      ['1 まち', ['1', '3', '4']],
      ['2 ひと', ['2']],
    ]);
    expect(r.summary.nodes).toEqual([2]);
  });
});

describe('indicators', () => {
  const sheet = grid([
    ['政策', 'No', '事業名', '指標1', '区分1', '目標1', '指標2', '区分2', '目標2'],
    ['1 まち', '1', '甲', '参加者数', '活動', '10', '参加者数', 'アウトカム', '20'],
  ]);
  const indicator = (n: number, col: string[]) => ({
    name: col[0],
    unit: { text: '人' },
    category: n === 1 ? 'outcome' : col[1],
    targets: { 2024: col[2] },
  });

  it('keeps two same-named indicators of a project, the second as 「名前（2）」, with a warning', async () => {
    const m = mapping({
      indicators: [indicator(2, ['D', 'E', 'F']), indicator(2, ['G', 'H', 'I'])],
    });
    const r = await readMappedRows(sheet, m, context);
    expect(r.kpis.map((k) => [k.definition.name, k.definition.category])).toEqual([
      ['参加者数', 'activity'],
      ['参加者数（2）', 'outcome'],
    ]);
    expect(codes(r.findings)).toEqual([['warning', 'mapping.indicator-renamed', 'G2', '参加者数']]);
    expect(r.findings[0]?.params).toMatchObject({ firstCell: 'D2' });
    expect(r.summary.indicators).toBe(2);
  });

  it('takes a fixed category, and refuses a category text it cannot read', async () => {
    const m = mapping({
      indicators: [indicator(1, ['D', 'E', 'F']), indicator(2, ['G', 'C', 'I'])],
    });
    const r = await readMappedRows(sheet, m, context);
    expect(r.kpis[0]?.definition.category).toBe('outcome');
    expect(codes(r.findings)).toEqual([
      ['error', 'mapping.category-unreadable', 'C2', '甲'],
      ['warning', 'mapping.indicator-renamed', 'G2', '参加者数'],
    ]);
  });
});

describe('an indicator without a target', () => {
  it('is imported with target null, its actuals kept, no finding', async () => {
    const sheet = grid([
      ['政策', 'No', '事業名', '指標', '目標', '実績'],
      ['1 まち', '1', '甲', '相談件数', '', '12'],
    ]);
    const m = mapping({
      indicators: [
        { name: 'D', unit: { text: '件' }, targets: { 2024: 'E' }, actuals: { 2023: 'F' } },
      ],
    });
    const r = await readMappedRows(sheet, m, context);
    expect(r.findings).toEqual([]);
    expect(r.kpis.map((k) => [k.definition.name, k.definition.target, k.actuals.length])).toEqual([
      ['相談件数', null, 1],
    ]);
    expect(r.summary).toMatchObject({ indicators: 1, actuals: 1 });
  });
});
