import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Workbooks in the styles of docs/mapping.md's examples, built here so the suggestion is tested
 * on files shaped like the ones cities publish (not on the mappings written for them).
 */

export const YEARS = [
  '令和元年度',
  '令和2年度',
  '令和3年度',
  '令和4年度',
  '令和5年度',
  '令和6年度',
];
const SOURCES = ['国庫支出金', '県支出金', '地方債', 'その他', '一般財源', '人件費'];

/** Example 1: a 事務事業評価シート集計表 (title and unit rows, merged years, furigana, totals). */
export async function jimuWorkbook(): Promise<Uint8Array> {
  const { wb, sheet } = jimuTitledSheet();
  const { top, bottom } = jimuHeaderRows();
  sheet.addRow(top);
  sheet.addRow(bottom);
  for (let i = 0; i < YEARS.length + 3; i++) sheet.mergeCells(3, 7 + i * 6, 3, 12 + i * 6);
  for (const row of jimuBodyRows()) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Example 1's workbook up to its headers: a cover sheet, then the list's title and unit rows. */
export function jimuTitledSheet(): { wb: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').addRow(['令和5年度 事務事業評価']);
  const sheet = wb.addWorksheet('事務事業評価集計表');
  sheet.addRow(['令和5年度 事務事業評価シート集計表']);
  sheet.addRow(['(単位：千円)']);
  return { wb, sheet };
}

/** Example 1's two header rows: years over six funding sources, three indicators, the policy. */
export function jimuHeaderRows(): { top: string[]; bottom: string[] } {
  const top = ['政策', '施策', '基本事業', '事務事業\n番号', '事務事業名', '担当課'];
  const bottom = ['', '', '', '', '', ''];
  for (const y of YEARS) {
    top.push(y, '', '', '', '', '');
    bottom.push(...SOURCES);
  }
  for (const i of [1, 2, 3]) {
    top.push(`指標${i}`, '', '', '', '', '');
    bottom.push('指標名', '単位', '目標(R6)', '実績(R2)', '実績(R3)', '実績(R4)');
  }
  top.push('今後の方向性', '評価コメント');
  return { top, bottom };
}

/** Example 1's rows under its headers: furigana, three projects, the totals row. */
export function jimuBodyRows(): unknown[][] {
  const money = (base: number) =>
    YEARS.flatMap((_, y) => [base * 10 + y, 100, 0, 5, base + y * 2, 900]);
  const none = Array(6).fill('');
  const kpi = (name: string, unit: string, t: number, a: number[]) => [name, unit, t, ...a];
  return [
    ['せいさく', 'しさく', 'きほんじぎょう', 'ばんごう', 'じむじぎょうめい', 'たんとうか'],
    [
      '1 安心して暮らせるまち',
      '1-1 子育て支援',
      '1-1-1 保育の充実',
      '01-01-001',
      '待機児童解消事業',
      '子育て支援課',
      ...money(120),
      ...kpi('保育所定員', '人', 1200, [1100, 1150, 1180]),
      ...kpi('研修回数', '回', 12, [8, 10, 12]),
      ...kpi('満足度', '%', 80, [70.5, 72, 75]),
      '拡充',
      '定員増を継続',
    ],
    [
      '',
      '',
      '',
      '01-01-002',
      '一時預かり事業',
      '子育て支援課',
      ...money(30).map((v, i) => (i === 1 ? '1,100' : v)),
      ...kpi('利用者数', '人', 3000, [2500, 2600, 2800]),
      ...none,
      ...none,
      '継続',
      '',
    ],
    [
      '2 活力あるまち',
      '2-1 産業振興',
      '2-1-1 創業支援',
      '02-01-001',
      '創業支援補助事業',
      '商工課',
      ...money(50),
      ...kpi('創業件数', '件', 20, [3, 5, 4]),
      ...none,
      ...none,
      '改善',
      '周知方法を見直す',
    ],
    ['', '', '', '', '合計'],
  ];
}

/** Example 1's settlements per year in yen: the five funding sources of each project summed. */
export function jimuSettlements(): Map<number, number> {
  const totals = new Map<number, number>();
  YEARS.forEach((_, y) => {
    const project = (base: number, second = 100) => base * 10 + y + second + 0 + 5 + base + y * 2;
    totals.set(2019 + y, (project(120) + project(30, y === 0 ? 1100 : 100) + project(50)) * 1000);
  });
  return totals;
}

/** Example 2: a strategy CSV in Shift_JIS with one header row. */
export function strategyCsv(): Uint8Array {
  const text = [
    '基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)',
    '1. しごとをつくる,創業支援,1,創業支援事業,商工課,"1,200",980,創業件数,件,50,12',
    ',,2,企業誘致事業,企業立地課,500,-,誘致件数,件,10,2',
    '2. ひとを呼ぶ,移住促進,3,移住相談事業,企画課,322,490,相談件数,件,200,41',
  ].join('\r\n');
  return new Uint8Array(iconv.encode(text, 'Shift_JIS'));
}
