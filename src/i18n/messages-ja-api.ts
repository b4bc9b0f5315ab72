/** Catalogue entries of the API and its tokens (issue #5); spread into messagesJa. */
export const messagesJaApi = {
  'api.token-required': 'API トークンが必要です（Authorization: Bearer …）',
  'api.token-invalid': 'API トークンが正しくないか、失効しています',
  'api.no-such-operation': 'この API にその操作はありません',
  'api.invalid-json': '本文を JSON として読めません',
  'api.invalid-body': '本文の内容が正しくありません',
  'api.invalid-query': 'パラメーター {name} が正しくありません',
  'api.year-not-found':
    '年度 {fiscalYear} は見つかりません（公表前の年度は、その団体の利用者のトークンでだけ読めます）',
  'api.municipality-not-found': '団体が見つかりません',
  'api.version-conflict':
    'ほかの人が先に保存しました（現在の版 {version}）。最新の内容を確かめてから送り直してください',
  'api.field-errors': '入力に問題があります',
  'api.field.required': '必須です',
  'api.field.type': '型が違います',
  'api.field.unknown': 'この項目はありません',
  'api.field.choice': '次のどれかにしてください: {values}',
  'api.field.range': '長さまたは値の範囲を超えています',
  'api.field.invalid': '正しくありません',
  'api.kpi-value': '数値として読めません（例: 1,234、12.5）',
  'api.kpi-date': '日付として読めません（例: 2021-03-31、R3.3.31）',
  'token.name-required': 'トークンの名前を入力してください',
  'token.name-too-long': 'トークンの名前は {max} 文字までにしてください',
  'token.not-found': 'トークンが見つかりません',
  'user.not-found': '利用者が見つかりません: {email}',
} as const;
