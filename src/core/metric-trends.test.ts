import { describe, expect, it } from 'vitest';
import type { Metric } from './figures/metric.ts';
import { metricTrends, normalizeLabel } from './metric-trends.ts';

const metric = (
  label: string,
  value: number,
  unit: string,
  more: Partial<Metric> = {},
): Metric => ({
  label,
  value,
  unit,
  partOf: null,
  cumulative: false,
  total: false,
  approximate: false,
  upTo: null,
  target: null,
  asOf: null,
  ...more,
});

describe('metric trends', () => {
  it('join the same label and unit across years, oldest first', () => {
    const trends = metricTrends([
      { fiscalYear: 2021, metric: metric('移住相談', 52, '件') },
      { fiscalYear: 2020, metric: metric('移住相談', 41, '件') },
      { fiscalYear: 2020, metric: metric('参加者', 78, '名') },
    ]);
    expect(trends).toEqual([
      {
        label: '移住相談',
        unit: '件',
        points: [
          { fiscalYear: 2020, value: 41, approximate: false, cumulative: false, several: false },
          { fiscalYear: 2021, value: 52, approximate: false, cumulative: false, several: false },
        ],
      },
    ]);
  });

  it('compare labels across full-width and spaces, but keep units and parts apart', () => {
    expect(normalizeLabel('移住 相談')).toBe(normalizeLabel('移住相談'));
    const trends = metricTrends([
      { fiscalYear: 2020, metric: metric('ＰＲ動画', 3, '本') },
      { fiscalYear: 2021, metric: metric('PR動画', 4, '本') },
      { fiscalYear: 2021, metric: metric('PR動画', 4, '回') },
      { fiscalYear: 2020, metric: metric('市内企業', 2, '名', { partOf: '就職者' }) },
      { fiscalYear: 2021, metric: metric('市内企業', 5, '名') },
    ]);
    expect(trends.map((t) => [t.label, t.unit, t.points.map((p) => p.value)])).toEqual([
      ['ＰＲ動画', '本', [3, 4]],
    ]);
  });

  it('show the first figure of a year and say there were more; leave unlabelled ones out', () => {
    const trends = metricTrends([
      { fiscalYear: 2020, metric: metric('相談', 10, '件', { approximate: true }) },
      { fiscalYear: 2020, metric: metric('相談', 12, '件') },
      { fiscalYear: 2021, metric: metric('相談', 20, '件') },
      { fiscalYear: 2020, metric: metric('', 5, '件') },
      { fiscalYear: 2021, metric: metric('', 6, '件') },
    ]);
    expect(trends).toHaveLength(1);
    expect(trends[0]?.points[0]).toEqual({
      fiscalYear: 2020,
      value: 10,
      approximate: true,
      cumulative: false,
      several: true,
    });
  });

  it('name a lone figure after its activity, so its results across years form a trend', () => {
    const trends = metricTrends([
      { fiscalYear: 2020, metric: metric('', 41, '件'), activity: '移住相談' },
      { fiscalYear: 2021, metric: metric('', 50, '件'), activity: '移住相談' },
      // Its own label wins over the activity's name.
      { fiscalYear: 2020, metric: metric('参加者', 78, '名'), activity: '合同企業説明会' },
      { fiscalYear: 2021, metric: metric('参加者', 80, '名'), activity: '合同企業説明会' },
      // A part without a label of its own cannot be named after the whole activity.
      { fiscalYear: 2020, metric: metric('', 2, '名', { partOf: '就職者' }), activity: '説明会' },
      { fiscalYear: 2021, metric: metric('', 3, '名', { partOf: '就職者' }), activity: '説明会' },
    ]);
    expect(trends.map((t) => [t.label, t.unit, t.points.map((p) => p.value)])).toEqual([
      ['移住相談', '件', [41, 50]],
      ['参加者', '名', [78, 80]],
    ]);
  });
});
