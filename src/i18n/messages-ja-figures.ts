/** Figures read out of result sentences (`sousei figures`, docs/extraction.md). */
export const messagesJaFigures = {
  'figures.line-too-long': '行が長すぎます（{length} 文字。上限 {limit} 文字）',
  'figures.invalid-input': '読めない行が {count} 行あります。何も出力しませんでした',
  'figures.input-too-large': '標準入力が大きすぎます（上限 {limit} バイト）。分けて渡してください',
} as const;
