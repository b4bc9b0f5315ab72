/** Messages of reading back our own exports (their metadata) and of open-data CSV imports. */
export const messagesJaRoundtrip = {
  'table.metadata-invalid': 'ファイル先頭の Sousei の情報（# の行・情報シート）が読めません',
  'table.outline-mismatch':
    '見出し行の階層の数（{expected}）と表の見出し行の数（{found}）が合いません。表を編集したときは「#見出し行の階層」の行を消してください',
  'table.outline-level': '見出し行の階層が「#見出し行の階層」の行にないか、階層の数を超えています',
  'expected.metadata': '#sousei、#自治体、#計画、#記載合計、#見出し行の階層 の行',
  'expected.outline': '「#見出し行の階層」に書かれた階層',
} as const;
