/** Accounts: changing one's password, disabling accounts, and what each action did. */
export const messagesJaAccounts = {
  'password.current-wrong': '現在のパスワードが違います',
  'password.current-required': '現在のパスワードを入力してください',
  'password.same-as-current': '新しいパスワードが現在のものと同じです',
  'user.cannot-disable-self': '自分のアカウントは無効にできません',
  'user.department-not-found': '担当課が見つかりません',
  'done.password-changed':
    'パスワードを変更しました。ほかの端末のログインと API トークンはすべて無効になりました。',
  'done.user-added': '{email} を追加しました。',
  'done.user-disabled':
    '{email} を無効にしました。この利用者のログインと API トークンはすべて無効になりました。',
  'done.user-enabled': '{email} を有効に戻しました（API トークンは作り直しが必要です）。',
  'cli.password-changed':
    'パスワードを変更しました: {email}（ログイン中のセッションと API トークンはすべて無効になりました）',
  'cli.user-disabled':
    '利用者を無効にしました: {email}（ログイン中のセッションと API トークンはすべて無効になりました）',
  'cli.user-enabled': '利用者を有効に戻しました: {email}',
  'cli.user-unchanged': '変更はありません: {email}',
} as const;
