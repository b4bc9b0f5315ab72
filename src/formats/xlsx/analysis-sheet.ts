import type ExcelJS from 'exceljs';

/** One scope's analysis text as the workbook lists it. */
export interface AnalysisSheetRow {
  /** 令和2年度 */
  fiscalYear: string;
  /** 基本目標 1. まちの… */
  heading: string;
  /** 下書き, 編集済み（未承認）, 承認済み */
  state: string;
  text: string;
}

/** The sheet's name; it has no No. column, so the workbook reader passes it by. */
export const ANALYSIS_SHEET = '効果検証';

/**
 * The committee's analysis (効果検証) on a sheet of its own: one row per year and scope, the
 * text wrapped in a wide column, set up for A4 portrait.
 */
export function addAnalysisSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly AnalysisSheetRow[],
  font: { name: string; size: number },
): void {
  const sheet = workbook.addWorksheet(ANALYSIS_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [
    { header: '年度', width: 14 },
    { header: '範囲', width: 36 },
    { header: '状態', width: 16 },
    { header: '効果検証の文', width: 90 },
  ];
  sheet.getRow(1).font = { ...font, bold: true };
  for (const r of rows) {
    const row = sheet.addRow([r.fiscalYear, r.heading, r.state, r.text]);
    row.font = font;
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
