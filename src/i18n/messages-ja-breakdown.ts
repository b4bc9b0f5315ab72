/** A project's tags and a year's cost breakdown (finance details): the project page and history. */
export const messagesJaBreakdown = {
  'history.finance-details': '財源・コストの内訳を変更',
  'project.tags': 'タグ',
  'finance-details.caption': '{year}の財源・コストの内訳（単位: {unit}）',
  'finance-details.label': '項目',
  'finance-details.kind': '区分',
  'finance-details.amount': '金額（{unit}）',
  'finance-details.kind.source': '財源',
  'finance-details.kind.staff': '人件費',
  'finance-details.kind.total': 'トータルコスト',
  'finance-details.kind.other': 'その他',
  'workbook.breakdown-row': '事業タグ・財源・コスト内訳のシートの行が読めません',
  'expected.tag': 'タグの文字',
  'expected.finance-year': 'その事業に予算・決算のある年度（例: R5）',
  'expected.detail-label': '内訳の項目名',
  'expected.detail-kind': '区分（財源、人件費、トータルコスト、その他のいずれか）',
} as const;
