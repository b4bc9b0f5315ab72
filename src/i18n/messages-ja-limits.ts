/** Messages of the input limits (src/core/input-limits.ts): what was exceeded, and the bound. */
export const messagesJaLimits = {
  'input.too-many-rows': '行が多すぎます（上限 {limit} 行）。ファイルを分けて取り込んでください',
  'input.too-many-columns': '列が多すぎます（1 行に {limit} 列まで）',
  'input.too-many-cells':
    'セルが多すぎます（上限 {limit} セル）。ファイルを分けて取り込んでください',
  'input.tree-too-deep': '計画の階層が深すぎます（上限 {limit} 階層）',
  'input.xlsx-too-large':
    'Excel ファイルの展開後の大きさが上限（{limit} バイト）を超えるため、読み込みを中止しました',
  'input.text-too-large':
    'テキストファイル（TSV・CSV・JSON）が大きすぎます（上限 {limit} バイト）。ファイルを分けて取り込んでください',
  'input.xlsx-too-many-entries': 'Excel ファイル内の部品が多すぎます（上限 {limit} 個）',
  'findings.truncated': 'ほかに {count} 件の指摘があります（先頭の指摘のみ表示しています）',
} as const;
