import type { EntryStatus, ExtractedFigures, ExtractOptions, Metric } from './metric.ts';

/**
 * The labelled set's file format (test/fixtures/figures/*.txt), made to be read and written by
 * hand:
 *
 *     # a comment
 *     > 参加者78名、就職者3名(うち市内企業2名)※3月調査時点
 *     = 参加者 | 78 | 名 | asOf=3月調査時点
 *     = 市内企業 | 2 | 名 | partOf=就職者 | asOf=3月調査時点
 *     > [target-actual] 就職決定者数10名⇒3名
 *     = 就職決定者数 | 3 | 名 | target=10
 *     > 新型コロナウイルス感染拡大により中止
 *     ! 中止
 *
 * A label of `-` is the empty label; flags are `cumulative`, `total`, `approximate`; fields are
 * `partOf=`, `upTo=`, `target=`, `asOf=`.
 */
export interface LabelledSentence {
  /** Line of the sentence in its file. */
  line: number;
  text: string;
  options: ExtractOptions;
  expected: ExtractedFigures;
}

export function parseLabelledSet(source: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (const [n, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const current = out.at(-1);
    if (line.startsWith('>')) out.push(sentenceOf(line.slice(1).trim(), n + 1));
    else if (!current) throw new Error(`line ${n + 1}: a figure before any sentence`);
    else if (line.startsWith('=')) current.expected.metrics.push(metricOf(line.slice(1), n + 1));
    else if (line.startsWith('!')) current.expected.status = line.slice(1).trim() as EntryStatus;
    else throw new Error(`line ${n + 1}: expected >, = or !`);
  }
  return out;
}

function sentenceOf(rest: string, line: number): LabelledSentence {
  const arrow = /^\[target-actual\]\s*/u.exec(rest);
  return {
    line,
    text: arrow ? rest.slice(arrow[0].length) : rest,
    options: arrow ? { arrow: 'target-actual' } : {},
    expected: { metrics: [], status: null },
  };
}

function metricOf(rest: string, line: number): Metric {
  const [label, value, unit, ...attributes] = rest.split('|').map((f) => f.trim());
  if (
    label === undefined ||
    value === undefined ||
    unit === undefined ||
    Number.isNaN(Number(value))
  )
    throw new Error(`line ${line}: expected = label | value | unit`);
  const metric: Metric = {
    label: label === '-' ? '' : label,
    value: Number(value),
    unit,
    partOf: null,
    cumulative: false,
    total: false,
    approximate: false,
    upTo: null,
    target: null,
    asOf: null,
  };
  for (const a of attributes) setAttribute(metric, a, line);
  return metric;
}

function setAttribute(metric: Metric, attribute: string, line: number): void {
  const [key, value = ''] = attribute.split('=');
  if (key === 'cumulative' || key === 'total' || key === 'approximate') metric[key] = true;
  else if (key === 'partOf' || key === 'asOf') metric[key] = value;
  else if (key === 'upTo' || key === 'target') metric[key] = Number(value);
  else throw new Error(`line ${line}: unknown attribute ${attribute}`);
}
