import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMetrics } from './extract-metrics.ts';

const toFullWidth = (s: string) =>
  s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withCommas = (n: number) => n.toLocaleString('en-US');
const COUNTERS = ['件', '名', '人', '社', '回', '組', '団体', '世帯'];
const LABELS = ['参加者', '相談件数', '出展企業', '移住相談', '友だち追加', '来場者数'];
const value = fc.integer({ min: 0, max: 9_999_999 });
const counter = fc.constantFrom(...COUNTERS);
const label = fc.constantFrom(...LABELS);

describe('properties of the reader', () => {
  it('reads the same figure written in ASCII, with commas or in full-width digits', () => {
    fc.assert(
      fc.property(label, value, counter, (l, v, c) => {
        const ascii = extractMetrics(`▶R2…${l}${v}${c}`).metrics;
        expect(ascii).toMatchObject([{ label: l, value: v, unit: c }]);
        expect(extractMetrics(`▶R2…${l}${withCommas(v)}${c}`).metrics).toEqual(ascii);
        expect(extractMetrics(`▶R2…${l}${toFullWidth(withCommas(v))}${c}`).metrics).toEqual(ascii);
      }),
    );
  });

  it('reads 万 and 千 as the number they write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9 }), (man, sen) => {
        expect(extractMetrics(`来場者${man}万${sen}千人`).metrics[0]?.value).toBe(
          man * 10_000 + sen * 1000,
        );
      }),
    );
  });

  it('never reads an era date or a month-day as a figure, whatever follows it', () => {
    const era = fc.constantFrom('R', 'H', 'Ｒ', '令和', '平成');
    const date = fc.tuple(
      era,
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    );
    const rest = fc.constantFrom('実施', '開催', 'から', '時点', '～', '');
    fc.assert(
      fc.property(date, rest, ([e, y, m, d], r) => {
        expect(extractMetrics(`${e}${y}.${m}.${d}${r}`).metrics).toEqual([]);
        expect(extractMetrics(`${e}${y}年${m}月${d}日${r}`).metrics).toEqual([]);
        expect(extractMetrics(`${m}月${d}日${r}`).metrics).toEqual([]);
      }),
    );
  });

  it('keeps a figure after any era date prefix, and only that figure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        label,
        value,
        counter,
        (y, m, l, v, c) => {
          const metrics = extractMetrics(`▶R${y}…R${y}.${m}.1実施し、${l}${v}${c}`).metrics;
          expect(metrics.map((x) => [x.label, x.value, x.unit])).toEqual([[l, v, c]]);
        },
      ),
    );
  });

  it('never throws, and every metric has a finite value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const m of extractMetrics(text).metrics) expect(Number.isFinite(m.value)).toBe(true);
      }),
    );
  });
});

describe('hostile lines of the longest length sousei figures reads', () => {
  // Each once took over a second (rules scanned the rest of the line for every figure); a
  // regression shows as this test's timeout, the values say the line was still read right.
  const N = 10_000;
  const cases: [string, string, number][] = [
    ['letters', 'a'.repeat(N), 0],
    ['digits', '1'.repeat(N), 0],
    ['kanji numerals', '一'.repeat(N), 0],
    ['figures', '1件'.repeat(N / 2), N / 2],
    ['brackets', '(1名'.repeat(N / 3), Math.floor(N / 3)],
    ['parts', 'うち1件'.repeat(N / 4), N / 4],
  ];
  it.each(cases)('%s', (_name, text, count) => {
    expect(extractMetrics(text).metrics).toHaveLength(count);
  });
});
