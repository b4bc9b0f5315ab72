/** Small words across the pages, the report and its PDF (issue 13). */
export const messagesJaWords = {
  'report.pdf.link': 'PDF をダウンロード（A3 横・作成に数秒かかります）',
  'report.pdf.pending': 'PDFを作成しています…（数秒かかります）',
  'report.pdf.done': 'PDFをダウンロードしました',
  'report.pdf.takes-seconds': '（作成に数秒かかります）',
  'history.activities.open': '変更前と変更後を見る',
  'error-page.forbidden': '権限がありません',
  'error-page.failed': 'できませんでした',
  'error-page.forbidden-help':
    'この画面や操作はあなたの役割では使えません。必要なときは、企画課の管理者に役割や担当課を確かめてもらってください。',
  'error-page.back': '前のページに戻る',
  'error-page.to-municipality': '自分の団体のトップページへ',
  'error-page.to-home': 'トップページへ',
  'login.needed':
    'このページを見るにはログインしてください。ログインすると、そのページに戻ります。',
  'doc.json-format': '計画データの JSON 形式',
  'doc.open-data-csv': 'オープンデータ CSV の列',
  'doc.compare': '団体間の比較の列',
  'doc.mapping': '列の対応表（マッピング）',
  'doc.kpi-import': 'KPI の取り込み（CSV）',
  'doc.as-written': '説明の原文（Markdown）をそのまま表示しています。',
  'doc.download': 'ファイルとして保存する',
} as const;
