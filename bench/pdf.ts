/**
 * Issue #11's PDF figure: the progress report printed by Sousei's warm path (a browser already
 * running, `renderReportPdf`: the report's HTML built from the plan, then printed) against a
 * bare playwright-core Chromium printing the very same HTML with the same options from a page
 * it already holds, both measured in this run, alternately, so a busy machine slows both alike.
 * Cold (Sousei's first print: Chromium starts) is stated, not compared. The path Sousei took
 * before issue #11 (a new browser context and page per print) is measured beside them. Part of `npm run bench`;
 * alone: `node --import tsx bench/pdf.ts [runs]`. Needs Debian's /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { openAppContext } from '../src/app/app-context.ts';
import { importPlan } from '../src/app/import-plan.ts';
import { CHROMIUM_ARGS, chromiumAvailable, chromiumPath } from '../src/app/reports/chromium.ts';
import {
  closePdfBrowser,
  renderReportPdf,
  reportPdfDocument,
} from '../src/app/reports/report-pdf.tsx';
import { loadPlanView, type PlanView } from '../src/app/views/plan-view.ts';

const runs = Number(process.argv[2] ?? 9);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function since(start: number, work: Promise<unknown>) {
  await work;
  return performance.now() - start;
}

async function sampleView(): Promise<{ view: PlanView; close: () => Promise<void> }> {
  const ctx = await openAppContext(':memory:');
  await importPlan(ctx, {
    bytes: readFileSync(new URL('../samples/muroran-r2-progress.tsv', import.meta.url)),
    fileName: 'muroran-r2-progress.tsv',
    municipalityCode: '012050',
    municipalityName: '室蘭市',
    title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
  });
  const [plan] = await ctx.store.plans.list('012050');
  if (!plan) throw new Error('the sample did not import');
  const admin = {
    userId: 1,
    municipalityCode: '012050',
    role: 'admin' as const,
    departmentIds: [],
  };
  const view = await loadPlanView(ctx, admin, '012050', plan.id);
  return { view, close: () => ctx.store.close() };
}

export async function pdfFigures(): Promise<string[]> {
  if (!chromiumAvailable()) return [`PDF: skipped, no Chromium at ${chromiumPath()}`];
  const { view, close } = await sampleView();
  const bare = await chromium.launch({
    headless: true,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
  const lines: string[] = [];
  try {
    const page = await bare.newPage();
    const cases = [
      { label: 'R2 (one year)', years: [2020] },
      { label: 'all years', years: view.readableYears },
    ];
    const cold = await since(performance.now(), renderReportPdf(view, [2020]));
    lines.push(`| Sousei cold (Chromium starts, first print, R2) | ${cold.toFixed(0)} | |`);
    for (const { label, years } of cases) {
      const { html, options } = reportPdfDocument(view, years);
      const printBare = async () => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf(options);
      };
      await printBare();
      await renderReportPdf(view, years);
      // Sousei's path before issue #11: a new context and page for every print.
      const printFresh = async () => {
        const context = await bare.newContext({ javaScriptEnabled: false });
        try {
          const fresh = await context.newPage();
          await fresh.setContent(html, { waitUntil: 'load' });
          return await fresh.pdf(options);
        } finally {
          await context.close();
        }
      };
      const bareMs: number[] = [];
      const souseiMs: number[] = [];
      const freshMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        bareMs.push(await since(performance.now(), printBare()));
        souseiMs.push(await since(performance.now(), renderReportPdf(view, years)));
        freshMs.push(await since(performance.now(), printFresh()));
      }
      const b = median(bareMs);
      const s = median(souseiMs);
      lines.push(`| bare Chromium: setContent + page.pdf, ${label} | ${b.toFixed(0)} | 1.00 |`);
      lines.push(
        `| Sousei warm: renderReportPdf, ${label} | ${s.toFixed(0)} | ${(s / b).toFixed(2)} |`,
      );
      const f = median(freshMs);
      lines.push(
        `| before #11: a new context and page per print, ${label} | ${f.toFixed(0)} | ${(f / b).toFixed(2)} |`,
      );
    }
  } finally {
    await bare.close();
    await closePdfBrowser();
    await close();
  }
  return [
    `PDF, median of ${runs} alternating runs, node ${process.version}`,
    '| what | ms | × bare |',
    '|---|---:|---:|',
    ...lines,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await pdfFigures()).join('\n'));
}
