import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMetrics } from './extract-metrics.ts';
import { parseLabelledSet } from './labelled-set.ts';
import { scoreSet } from './score.ts';

const read = (name: string) =>
  parseLabelledSet(
    readFileSync(
      fileURLToPath(new URL(`../../../test/fixtures/figures/${name}`, import.meta.url)),
      'utf8',
    ),
  );

// A correctness threshold (issue 12), not a timing: every miss is listed in docs/extraction.md.
describe('the labelled set of result sentences', () => {
  const set = read('labelled.txt');
  const score = scoreSet(set, extractMetrics);

  it('has at least 150 sentences, some with no figure and some under 目標⇒実績', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(set.filter((s) => s.expected.metrics.length === 0).length).toBeGreaterThan(10);
    expect(set.filter((s) => s.options.arrow === 'target-actual').length).toBeGreaterThan(5);
  });

  it('reads (value, unit) pairs with precision and recall of at least 0.95', () => {
    expect(score.pairs.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.pairs.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reads labels with precision and recall of at least 0.95', () => {
    expect(score.labels.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.labels.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the qualifiers of labelled figures and the statuses right at least 95% of the time', () => {
    expect(score.qualifiers.agree / score.qualifiers.of).toBeGreaterThanOrEqual(0.95);
    expect(score.status.agree / score.status.of).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the scorer', () => {
  it('counts a wrong label, a missed figure and an extra figure', () => {
    const set = parseLabelledSet('> 参加者5名、見学者3名\n= 参加者 | 5 | 名\n= 見学者 | 3 | 名\n');
    const score = scoreSet(set, () => ({
      metrics: [{ ...metric('参加', 5, '名') }, { ...metric('', 2, '件') }],
      status: '中止',
    }));
    expect(score.pairs).toMatchObject({
      found: 2,
      correct: 1,
      expected: 2,
      precision: 0.5,
      recall: 0.5,
    });
    expect(score.labels).toMatchObject({ correct: 0 });
    expect(score.status.agree).toBe(0);
    expect(score.misses[0]?.missing).toContain('参加者|5|名');
    expect(score.misses[0]?.extra).toContain('-|2|件');
  });

  it('refuses a malformed line', () => {
    expect(() => parseLabelledSet('= 参加者 | 5 | 名')).toThrow(/line 1/);
    expect(() => parseLabelledSet('> 文\n= 参加者 | 五 | 名')).toThrow(/line 2/);
  });
});

function metric(label: string, value: number, unit: string) {
  return {
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
  };
}
