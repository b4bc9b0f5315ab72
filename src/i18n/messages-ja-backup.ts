/** Backup and restore (`sousei backup`, `sousei restore`, docs/operations.md). */
export const messagesJaBackup = {
  'backup.done': 'バックアップを書き出しました: {path}（{target}）',
  'backup.target-exists':
    'バックアップ先のファイルが既にあります: {path}（上書きするには --force）',
  'backup.no-database': 'バックアップするデータベースがありません: {target}',
  'backup.not-a-backup':
    '{path} は Sousei のバックアップとして読めません（{detail}）。何も書き換えていません',
  'backup.tool-missing':
    '{tool} が見つかりません。PostgreSQL のクライアント（Debian では postgresql-client）を入れてください',
  'backup.tool-failed': '{tool} が失敗しました（終了コード {code}）: {detail}',
  'restore.done': 'バックアップ {path} を復元しました: {target}',
  'restore.target-not-empty':
    '復元先のデータベースには既にデータがあります: {target}（置き換えるには --force。サーバーは止めてから）',
} as const;
