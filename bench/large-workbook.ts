/**
 * A large city workbook through the column mapping (issue #5: tens of MB, bounded memory).
 * Builds a workbook of N project rows × 60 columns with exceljs's streaming writer, then times
 * a dry-run import (streaming reader) and reports the heap and RSS growth. The baseline, measured
 * in the same run, is reading the same workbook whole with exceljs's non-streaming reader.
 * Run: `node --import tsx bench/large-workbook.ts [rows]` (also part of `npm run bench`).
 * Then the issue-10 workbook end to end, CLI start-up included (bench/end-to-end.ts).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openAppContext } from '../src/app/app-context.ts';
import { importMapped } from '../src/app/import-mapped.ts';
import { endToEnd, printFigures } from './end-to-end.ts';

const rows = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'sousei-bench-'));
const file = join(dir, 'large.xlsx');
const years = ['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度', '令和6年度'];
const sources = ['国庫支出金', '県支出金', '地方債', 'その他', '一般財源', '人件費'];

async function build() {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  wb.addWorksheet('表紙').commit();
  const sheet = wb.addWorksheet('事務事業評価集計表');
  sheet.addRow(['集計表']).commit();
  sheet.addRow(['(単位：千円)']).commit();
  const top = ['政策', '施策', '基本事業', '事務事業\n番号', '事務事業名', '担当課'];
  const bottom = ['', '', '', '', '', ''];
  for (const y of years) {
    top.push(y, '', '', '', '', '');
    bottom.push(...sources);
  }
  for (const i of [1, 2, 3]) {
    top.push(`指標${i}`, '', '', '', '', '');
    bottom.push('指標名', '単位', '目標(R6)', '実績(R2)', '実績(R3)', '実績(R4)');
  }
  top.push('今後の方向性', '評価コメント');
  sheet.addRow(top).commit();
  sheet.addRow(bottom).commit();
  sheet.addRow(['ふりがな']).commit();
  for (let r = 0; r < rows; r++) {
    const money = years.flatMap((_, y) => [r % 997, 100 + y, 0, 5, (r * 7) % 1000, 900]);
    const indicator = (i: number) => [`指標${i}-${r % 50}`, '件', 100, 10 + i, 20 + i, 30 + i];
    sheet
      .addRow([
        `政策${Math.floor(r / 2000) + 1}`,
        `施策${Math.floor(r / 200) + 1}`,
        `基本事業${Math.floor(r / 20) + 1}`,
        `P-${String(r + 1).padStart(6, '0')}`,
        `事務事業 ${r + 1}`,
        `課${r % 30}`,
        ...money,
        ...indicator(1),
        ...indicator(2),
        ...indicator(3),
        ['継続', '改善', '拡充'][r % 3],
        '',
      ])
      .commit();
  }
  sheet.commit();
  await wb.commit();
}

function mb(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(1);
}

async function measure(label: string, fn: () => Promise<unknown>) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return { label, ms, heapGrowthMb: Number(mb(peakHeap - before.heapUsed)) };
}

await build();
const bytes = new Uint8Array(readFileSync(file));
const mapping = JSON.parse(
  readFileSync(new URL('../docs/mappings/jimu-jigyo-hyoka.json', import.meta.url), 'utf8'),
);
const ctx = await openAppContext(`sqlite:${join(dir, 'bench.db')}`);
const baseline = await measure(
  'baseline: exceljs reads the whole workbook into memory',
  async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  },
);
const streamed = await measure('dry-run mapped import (streaming, every cell validated)', () =>
  importMapped(ctx, {
    bytes,
    fileName: 'large.xlsx',
    mapping,
    municipalityCode: '131016',
    municipalityName: '千代田区',
    dryRun: true,
  }),
);
await ctx.store.close();
console.log(`${rows} rows, ${mb(statSync(file).size)} MB xlsx, node ${process.version}`);
console.log('| what | ms | × baseline | heap growth (MB) |');
console.log('|---|---:|---:|---:|');
for (const r of [baseline, streamed]) {
  console.log(
    `| ${r.label} | ${r.ms.toFixed(0)} | ${(r.ms / baseline.ms).toFixed(2)} | ${r.heapGrowthMb} |`,
  );
}
printFigures(await endToEnd(dir));
rmSync(dir, { recursive: true, force: true });
