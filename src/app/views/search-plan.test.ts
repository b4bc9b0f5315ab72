import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan.ts';
import { decodeText } from '../../formats/decode-text.ts';
import { readProgressTable } from '../../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../../formats/tsv/tsv-grid.ts';
import { normaliseForSearch, type SearchHit, searchPlan, searchTerms } from './search-plan.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

function sample(): Plan {
  const decoded = decodeText(readFileSync(SAMPLE));
  if (!decoded.ok) throw new Error('sample unreadable');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    municipality: { code: '012050', name: '室蘭市' },
    title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
  });
  if (!plan) throw new Error('sample unparsed');
  return plan;
}

const plan = sample();

/** A plan of one project named `name`. */
function withProject(name: string): Plan {
  const project = { no: '1', name, notes: [], department: null, finances: [], activities: [] };
  return { ...plan, nodes: [{ title: 'テスト', children: [], projects: [project] }] };
}
const nos = (query: string, readableYears?: number[]) =>
  searchPlan({ plan, readableYears }, query).hits.map((h) => h.project.no);
const marked = (hit: SearchHit | undefined) =>
  (hit?.matches ?? []).flatMap((m) => m.snippet.filter((p) => p.match).map((p) => p.text));

describe('searchTerms', () => {
  it('normalises with NFKC and lower case, splits on any space, drops repeats', () => {
    expect(searchTerms('  ＩｏＴ　導入  iot ')).toEqual(['iot', '導入']);
    expect(searchTerms('ｶﾞｲﾄﾞ')).toEqual(['ガイド']);
    expect(searchTerms(' \u3000 ')).toEqual([]);
    expect(normaliseForSearch('Ｒ２')).toBe('r2');
  });
});

describe('searchPlan on the Muroran sample', () => {
  it('finds 移住 in projects 1 and 5 (5 re-lists the 移住支援金 of 1)', () => {
    expect(nos('移住')).toEqual(['1', '5']);
  });

  it('finds オンライン in 1, 3 (an undated entry) and 11', () => {
    expect(nos('オンライン')).toEqual(['1', '3', '11']);
  });

  it('finds full-width ＩｏＴ in 6 and 7, and shows the text as written', () => {
    expect(nos('ＩｏＴ')).toEqual(['6', '7']);
    expect(nos('iot')).toEqual(['6', '7']);
    const hits = searchPlan({ plan }, 'ＩｏＴ').hits;
    expect(marked(hits[1])).toContain('IoT');
    expect(hits[1]?.matches[0]).toMatchObject({ field: 'name' });
    expect(hits[0]?.matches.map((m) => m.field)).toEqual(['activity', 'entry']);
  });

  it('matches full-width digits against half-width ones', () => {
    // 「(室蘭市単独)2件」 in project 1's result; 「0件」 texts do not contain ２件.
    expect(nos('２件')).toContain('1');
    expect(marked(searchPlan({ plan }, '２件').hits[0])).toContain('2件');
  });

  it('requires every word separated by spaces (ASCII or ideographic)', () => {
    expect(nos('移住 オンライン')).toEqual(['1']);
    expect(nos('移住　オンライン')).toEqual(['1']);
    expect(nos('新型コロナ 中止')).toEqual(['4', '15', '18', '19', '24']);
    expect(nos('移住 婚活')).toEqual([]);
  });

  it('searches names, notes, activity texts and entry texts', () => {
    const notes = searchPlan({ plan }, '地方創生推進交付金').hits;
    expect(notes.map((h) => h.project.no)).toEqual(['1', '5', '6']);
    expect(notes[2]?.matches.map((m) => m.field)).toEqual(['note']);
    const entry = searchPlan({ plan }, '41件').hits;
    expect(entry.map((h) => h.project.no)).toEqual(['1']);
    expect(entry[0]?.matches[0]).toMatchObject({
      field: 'entry',
      activityPosition: 1,
      entry: { kind: 'result', fiscalYear: 2020, kpi: false },
    });
    expect(entry[0]?.path.map((s) => s.level)).toEqual(['基本目標', '分類', '具体的な施策']);
    expect(entry[0]?.path[2]?.title).toBe('地元企業への就職促進とUIターン の推進');
  });

  it('does not search entries of years the actor may not read (undated ones stay)', () => {
    expect(nos('41件', [2021])).toEqual([]);
    expect(nos('41件', [2020])).toEqual(['1']);
    // 「▶講義「地域社会概論」等への講師派遣 ※R2：オンライン講義」 has no year.
    expect(nos('オンライン講義', [])).toEqual(['3']);
  });

  it('finds nothing for an empty query or an absent word', () => {
    expect(searchPlan({ plan }, '   ')).toEqual({ terms: [], hits: [] });
    expect(nos('存在しない語')).toEqual([]);
  });

  it('marks every occurrence and cuts long texts around the first match', () => {
    const hit = searchPlan({ plan }, '移住').hits[0];
    const activity = hit?.matches.find((m) => m.activityPosition === 6 && m.field === 'activity');
    const pieces = activity?.snippet ?? [];
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['移住', '移住', '移住']);
    expect(pieces.map((p) => p.text).join('')).toBe(
      '移住支援金の助成 北海道と連携して、市内の対象企業に就職する東京圏からの移住者に対しての、移住支援金制度を創設。※地方創生推進交付金事業(補正予算対応)',
    );
    // No text of the sample is longer than a snippet: a long one of our own.
    const text = `${'あ'.repeat(100)}IoT・AI${'い'.repeat(100)}`;
    const long = searchPlan({ plan: withProject(text) }, 'iot・ai').hits[0]?.matches[0]?.snippet;
    expect(long?.map((p) => p.text)).toEqual([
      '…',
      'あ'.repeat(30),
      'IoT・AI',
      'い'.repeat(120 - 30 - 6),
      '…',
    ]);
    expect(long?.map((p) => p.match)).toEqual([false, false, true, false, false]);
  });

  it('maps matches back to the text as written when NFKC changes its length', () => {
    const hit = searchPlan({ plan: withProject('㈱ｶﾞｲﾄﾞ協力 Ｗｅｂ') }, 'ガイド web (株)').hits[0];
    expect(marked(hit)).toEqual(['㈱ｶﾞｲﾄﾞ', 'Ｗｅｂ']);
  });
});
