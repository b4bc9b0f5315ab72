/** Messages of reading back our own exports (their metadata) and of open-data CSV imports. */
export const messagesJaRoundtrip = {
  'table.metadata-invalid': 'ファイル先頭の Sousei の情報（# の行・情報シート）が読めません',
  'table.outline-mismatch':
    '見出し行の階層の数（{expected}）と表の見出し行の数（{found}）が合いません。表を編集したときは「#見出し行の階層」の行を消してください',
  'table.outline-level': '見出し行の階層が「#見出し行の階層」の行にないか、階層の数を超えています',
  'expected.metadata': '#sousei、#自治体、#計画、#記載合計、#見出し行の階層 の行',
  'expected.outline': '「#見出し行の階層」に書かれた階層（plan.csv では、上の階層の行の次の段）',
  'csv.plan-invalid': 'plan.csv のこのセルが読めません',
  'csv.not-a-plan':
    'Sousei の plan.csv（計画の全体）ではありません。ほかの CSV は列の対応表（--mapping）で取り込みます',
  'expected.plan-csv-header':
    'plan.csv の見出し（全国地方公共団体コード,団体名,計画名,計画の種類,…）',
  'expected.plan-csv-row-kind': '行の種類（階層、事業、予算・決算、記載合計）',
  'expected.plan-csv-node-row': '事業の行の前に階層の行',
  'expected.municipality-code': '全国地方公共団体コード（6桁、検査数字付き）',
  'expected.amount-unit': '円、千円、百万円 のいずれか',
  'expected.yen': '円の整数（なしは空欄）',
} as const;
