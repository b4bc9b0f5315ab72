/** The 全国地方公共団体コード list and `sousei generate` (issue 11). */
export const messagesJaNational = {
  'municipality.unknown-code': '全国地方公共団体コード {code} の団体は一覧にありません',
  'municipality.unknown-code-near':
    '全国地方公共団体コード {code} の団体は一覧にありません。近いコード: {near}',
  'municipality.name-mismatch':
    '団体コード {code} は「{expected}」です。指定された団体名「{given}」と一致しません',
  'generate.written': '{municipalities} 団体・{plans} 計画を書き出しました: {target}',
  'generate.imported':
    '{municipalities} 団体・{projects} 事業を取り込みました: {target}（{seconds} 秒）',
  'generate.present': '{count} 団体は計画が既にあるため、そのままにしました',
  'generate.target-required':
    '書き出し先を --out（フォルダ）か --database（URL）で指定してください',
  'generate.invalid-count':
    '--municipalities は 1 から {max} までの整数で指定してください: {value}',
  'generate.invalid-seed': '--seed は 0 以上の整数で指定してください: {value}',
} as const;
