/**
 * Issue 12: how well and how fast the figures reader reads result sentences. Prints precision and
 * recall of (value, unit) pairs and of labels over the labelled set and, apart, over the held-out
 * set (written after the rules), then sentences per second against a baseline measured in the
 * same run: JSON.parse of the same set serialized (what reading the sentences costs at the least).
 *
 *   node --import tsx bench/extraction.ts
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { extractMetrics } from '../src/core/figures/extract-metrics.ts';
import { type LabelledSentence, parseLabelledSet } from '../src/core/figures/labelled-set.ts';
import { type PrecisionRecall, scoreSet } from '../src/core/figures/score.ts';

const ROUNDS = 200;
const RUNS = 5;

const read = (name: string) =>
  parseLabelledSet(
    readFileSync(new URL(`../test/fixtures/figures/${name}`, import.meta.url), 'utf8'),
  );

const pr = (p: PrecisionRecall) =>
  `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} (${p.correct}/${p.found} read, ${p.correct}/${p.expected} expected)`;

function report(name: string, set: LabelledSentence[]) {
  const s = scoreSet(set, extractMetrics);
  console.log(`${name}: ${s.sentences} sentences`);
  console.log(`  (value, unit) pairs  ${pr(s.pairs)}`);
  console.log(`  labels               ${pr(s.labels)}`);
  console.log(`  qualifiers right     ${s.qualifiers.agree}/${s.qualifiers.of}`);
  console.log(`  statuses right       ${s.status.agree}/${s.status.of}`);
  console.log(`  sentences with a miss ${s.misses.length}`);
}

/** Median milliseconds of RUNS runs of `work` (after one warm-up). */
function median(work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

const labelled = read('labelled.txt');
const heldOut = read('held-out.txt');
report('labelled set', labelled);
report('held-out set', heldOut);

const all = [...labelled, ...heldOut];
const json = JSON.stringify(all);
let sink = 0;
const baseline = median(() => {
  for (let r = 0; r < ROUNDS; r++) sink += (JSON.parse(json) as unknown[]).length;
});
const reader = median(() => {
  for (let r = 0; r < ROUNDS; r++)
    for (const s of all) sink += extractMetrics(s.text, s.options).metrics.length;
});
const sentences = all.length * ROUNDS;
console.log(
  `speed: ${Math.round(sentences / (reader / 1000))} sentences/s; JSON.parse of the same set ` +
    `${Math.round(sentences / (baseline / 1000))} sentences/s; ratio ${(reader / baseline).toFixed(1)}× ` +
    `(${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}, Node ${process.version}, sink ${sink % 10})`,
);
