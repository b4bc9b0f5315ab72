/** Moving an installation (`sousei copy`, docs/operations.md). */
export const messagesJaCopy = {
  'copy.same-database': 'コピー元とコピー先が同じデータベースです: {target}',
  'copy.target-not-empty':
    'コピー先のデータベースには既にデータがあります（{table}）: {target}。空のデータベースを指定してください',
  'copy.unknown-table':
    'コピーの対象に入っていない表があります: {table}（移すかどうかを src/store/copy/copy-tables.ts に書いてください）',
  'copy.table': '{table}: {rows} 行',
  'copy.done': '{from} から {to} へコピーしました（{tables} 表、{rows} 行）',
  'copy.skipped': '移さない表: {tables}（ログインし直し、ログイン失敗の記録は新しく始まります）',
  'copy.verified':
    '検証しました: 全表の行数、{plans} 計画の書き出し（JSON・TSV・オープンデータ CSV・KPI）が一致します',
  'copy.difference.rows': '行数が違います: {table}（コピー元 {source}、コピー先 {target}）',
  'copy.difference.export': '書き出しが違います: {municipality} {plan} の {file}',
  'copy.verify-failed':
    'コピーの検証で {count} 件の違いがありました（コピー先は書き込み済み。調べるまで使わないでください）',
} as const;
