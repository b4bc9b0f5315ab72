import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { xlsxRows } from '../mapping/row-sources.ts';
import { readWorkbookGrids } from './workbook-grid.ts';

/**
 * A workbook as Excel saves Japanese text typed with an IME: each shared string carries its
 * furigana as phonetic runs (<rPh>) after the text, one run per reading, and a <phoneticPr>.
 * exceljs wrote the workbook; the runs are injected into its XML as Excel would write them.
 */
async function workbookWithFurigana(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('事務事業');
  sheet.addRow(['政策名', '事務事業ID', '事業名']);
  sheet.addRow(['安心なまち', '0388', '防災対策事業']);
  sheet.addRow(['inline', '', '']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const strings = zip.file('xl/sharedStrings.xml');
  const sheetXml = zip.file('xl/worksheets/sheet1.xml');
  if (!strings || !sheetXml) throw new Error('exceljs wrote no shared strings');
  const furigana: Record<string, string> = {
    政策名: '<rPh sb="0" eb="2"><t>セイサク</t></rPh><rPh sb="2" eb="3"><t>メイ</t></rPh>',
    事務事業ID: '<rPh sb="0" eb="4"><t>ジムジギョウ</t></rPh>',
    安心なまち: '<rPh sb="0" eb="2"><t>アンシン</t></rPh>',
    防災対策事業:
      '<rPh sb="0" eb="4"><t>ボウサイタイサク</t></rPh><rPh sb="4" eb="6"><r><t>ジギョウ</t></r></rPh>',
  };
  let xml = await strings.async('string');
  for (const [text, runs] of Object.entries(furigana)) {
    xml = xml.replace(`<t>${text}</t></si>`, `<t>${text}</t>${runs}<phoneticPr fontId="1"/></si>`);
  }
  // A rich-text shared string with its reading, and an inline string (t="inlineStr") with one.
  xml = xml.replace(
    '</sst>',
    '<si><r><t>基本</t></r><r><rPr><b/></rPr><t>事業</t></r><rPh sb="0" eb="2"><t>キホン</t></rPh></si></sst>',
  );
  xml = xml.replace(/count="(\d+)" uniqueCount="(\d+)"/, (_, c, u) => {
    return `count="${Number(c) + 1}" uniqueCount="${Number(u) + 1}"`;
  });
  zip.file('xl/sharedStrings.xml', xml);
  const index = (xml.match(/<si>/g) ?? []).length - 1;
  let cells = await sheetXml.async('string');
  cells = cells.replace(
    /<row r="3"([^>]*)>[\s\S]*?<\/row>/,
    `<row r="3"$1><c r="A3" t="inlineStr"><is><t>施策名</t><rPh sb="0" eb="2"><t>シサク</t></rPh></is></c><c r="B3" t="s"><v>${index}</v></c></row>`,
  );
  zip.file('xl/worksheets/sheet1.xml', cells);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const expected = [
  ['政策名', '事務事業ID', '事業名'],
  ['安心なまち', '0388', '防災対策事業'],
  ['施策名', '基本事業'],
];

describe('furigana (phonetic runs) in a workbook', () => {
  it('are not the cell text: the whole-workbook reader keeps the kanji', async () => {
    const [grid] = await readWorkbookGrids(await workbookWithFurigana());
    const rows = grid?.rows.map((r) => r.cells.filter((c) => c !== ''));
    expect(rows).toEqual(expected);
  });

  it('are not the cell text: the streaming reader keeps the kanji', async () => {
    const rows: string[][] = [];
    for await (const row of xlsxRows(await workbookWithFurigana(), 1)) {
      rows.push(row.cells.filter((c) => c !== ''));
    }
    expect(rows).toEqual(expected);
  });
});
