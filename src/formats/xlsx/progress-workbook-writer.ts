import ExcelJS from 'exceljs';
import { renderActivity } from '../../core/activity-notation.ts';
import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import { formatAmount, UNIT_FACTOR, type Yen } from '../../core/money.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { financeFor, type Plan, type PlanNode, type Project } from '../../core/plan.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import { metadataRows } from '../tsv/progress-table-metadata.ts';
import { activityHeader, projectNameCell } from '../tsv/progress-table-writer.ts';
import { type AnalysisSheetRow, addAnalysisSheet } from './analysis-sheet.ts';
import { addBreakdownSheets } from './breakdown-sheets.ts';

/**
 * The progress report as an Excel workbook in the source's own layout: goal and direction rows
 * across the table, the measure merged down its projects, No., 事業名, 予算/決算 per year as
 * numbers in the table's unit, the activities with ☐ ▶ ⇒ (KPI results underlined, as on the
 * city's paper form), the totals row; A3 landscape, frozen header, Japanese font.
 */
export const FONT = 'BIZ UDPゴシック';
const CHECKBOX = '☐';

export type WorkbookLayout = 'per-year' | 'cumulative';

function amountCell(yen: Yen | null, plan: Plan): number | string {
  if (yen === null) return NO_VALUE_MARK;
  // The number shown in the table's unit, exact: 2,551,010 円 → 2551.01 千円.
  return Number(formatAmount(yen, plan.amountUnit).replaceAll(',', ''));
}

function numberFormat(plan: Plan): string {
  return UNIT_FACTOR[plan.amountUnit] === 1 ? '#,##0' : '#,##0.###;-#,##0.###;0';
}

/** An activity cell as rich text: KPI results underlined. */
function activityRichText(project: Project, plan: Plan): ExcelJS.RichText[] {
  const c = plan.conventions;
  const runs: ExcelJS.RichText[] = [];
  const font = { name: FONT, size: 9 };
  project.activities.forEach((a, i) => {
    const plain = { ...a, source: a.entries.some((e) => e.kpi) ? null : a.source };
    const head = `${i > 0 ? ' ' : ''}${CHECKBOX} `;
    if (!a.entries.some((e) => e.kpi)) {
      runs.push({ text: head + renderActivity(plain, c), font });
      return;
    }
    runs.push({ text: head + a.text, font });
    for (const e of a.entries) {
      const mark = e.kind === 'result' ? c.resultMark : c.revisionMark;
      const label =
        e.fiscalYear === null
          ? ''
          : (e.yearLabel ?? `${formatFiscalYear(e.fiscalYear, 'short')}${c.yearSeparator}`);
      runs.push({ text: ` ${mark}${label}`, font });
      runs.push({ text: e.text, font: e.kpi ? { ...font, underline: true } : font });
    }
  });
  return runs;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  plan: Plan,
  name: string,
  years: readonly FiscalYear[],
) {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      // A3 is 8 in ECMA-376 (paperSize); exceljs's enum lists only some sizes.
      paperSize: 8 as unknown as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${plan.municipality.name}&C${plan.plan.title}&R${name}`,
      oddFooter: '&C&P / &N',
    },
  });
  const levels = plan.plan.levels;
  const width = 3 + years.length * 2 + 1;
  const font = { name: FONT, size: 10 };
  const bold = { ...font, bold: true };
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  sheet.columns = [
    { width: 24 },
    { width: 5 },
    { width: 26 },
    ...years.flatMap(() => [{ width: 10 }, { width: 10 }]),
    { width: 90 },
  ];
  sheet.addRow([`(単位：${plan.amountUnit})`]).font = font;
  for (const name of levels.slice(0, -2)) {
    const row = sheet.addRow([name]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.font = bold;
  }
  const header = sheet.addRow([
    levels.at(-2) ?? '',
    'No.',
    `${levels.at(-1) ?? '事業'}名`,
    ...years.flatMap((fy) => [formatFiscalYear(fy, 'short'), '']),
    activityHeader(plan),
  ]);
  const sub = sheet.addRow(['', '', '', ...years.flatMap(() => ['予算', '決算']), '']);
  for (let i = 0; i < years.length; i++) {
    sheet.mergeCells(header.number, 4 + i * 2, header.number, 5 + i * 2);
  }
  for (const col of [1, 2, 3, width]) sheet.mergeCells(header.number, col, sub.number, col);
  for (const r of [header, sub]) {
    r.font = bold;
    r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  // The header rows repeat on every printed page and stay in view while scrolling.
  sheet.pageSetup.printTitlesRow = `${header.number}:${sub.number}`;
  sheet.views = [{ state: 'frozen', ySplit: sub.number, xSplit: 0 }];

  const deepest = levels.length - 2;
  // Heading rows merge across the amount columns: styling those cells styles the merge.
  const headings = new Set<number>();
  const walk = (nodes: PlanNode[], depth: number) => {
    for (const node of nodes) {
      if (depth < deepest || node.projects.length === 0) {
        const row = sheet.addRow([node.title]);
        sheet.mergeCells(row.number, 1, row.number, width);
        row.font = depth === 0 ? bold : font;
        row.getCell(1).border = border;
        headings.add(row.number);
      }
      const first = sheet.rowCount + 1;
      for (const p of node.projects) {
        const row = sheet.addRow([
          '',
          // Text, as written: 0388 stays 0388, never the number 388.
          p.no,
          projectNameCell(p),
          ...years.flatMap((fy) => {
            const f = financeFor(p, fy);
            return [amountCell(f?.budget ?? null, plan), amountCell(f?.settlement ?? null, plan)];
          }),
          { richText: activityRichText(p, plan) },
        ]);
        row.font = font;
        row.alignment = { vertical: 'top', wrapText: true };
      }
      if (depth === deepest && node.projects.length > 0) {
        sheet.getCell(first, 1).value = node.title;
        if (node.projects.length > 1) sheet.mergeCells(first, 1, sheet.rowCount, 1);
      }
      walk(node.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  const totals = sheet.addRow([
    '',
    '',
    '',
    ...years.flatMap((fy) => {
      const t = totalsOfPlan(plan.nodes, fy);
      return [amountCell(t.budget, plan), amountCell(t.settlement, plan)];
    }),
    '',
  ]);
  totals.font = bold;
  for (let r = header.number; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = border;
      if (headings.has(r)) {
        cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      } else if (c >= 4 && c < width && r > sub.number) {
        cell.numFmt = numberFormat(plan);
        cell.alignment = { horizontal: 'right', vertical: 'top' };
      }
    }
  }
}

/** Writes the workbook: one sheet per fiscal year, or one cumulative sheet with every year. */
export async function writeProgressWorkbook(
  plan: Plan,
  years: readonly FiscalYear[],
  layout: WorkbookLayout,
  analysis: readonly AnalysisSheetRow[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sousei';
  workbook.title = plan.plan.title;
  if (layout === 'cumulative') {
    const first = years[0];
    const last = years.at(-1);
    addSheet(
      workbook,
      plan,
      first === last || first === undefined || last === undefined
        ? formatFiscalYear(first ?? plan.plan.firstFiscalYear, 'short')
        : `${formatFiscalYear(first, 'short')}～${formatFiscalYear(last, 'short')}`,
      years,
    );
  } else {
    for (const fy of years) addSheet(workbook, plan, formatFiscalYear(fy, 'short'), [fy]);
  }
  addBreakdownSheets(workbook, plan, years, { name: FONT, size: 10 });
  if (analysis.length > 0) addAnalysisSheet(workbook, analysis, { name: FONT, size: 10 });
  addMetadataSheet(workbook, plan, years);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The sheet that says what the workbook is (municipality, plan, stated totals, the level of
 * each title row: docs/json-format.md), so importing it back needs no options. Every cell is
 * text, so a code such as 012050 keeps its leading zero.
 */
export const METADATA_SHEET = 'Sousei情報';

function addMetadataSheet(workbook: ExcelJS.Workbook, plan: Plan, years: readonly FiscalYear[]) {
  const sheet = workbook.addWorksheet(METADATA_SHEET);
  for (const cells of metadataRows(plan, years))
    sheet.addRow(cells).font = { name: FONT, size: 10 };
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 40;
}
