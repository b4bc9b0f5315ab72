/** Small words across the pages, the report and its PDF (issue 13). */
export const messagesJaWords = {
  'report.pdf.link': 'PDF をダウンロード（A3 横・作成に数秒かかります）',
  'report.pdf.pending': 'PDFを作成しています…（数秒かかります）',
  'report.pdf.done': 'PDFをダウンロードしました',
} as const;
