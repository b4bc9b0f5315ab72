/**
 * The names of the page's parts a screen reader announces (the scroll boxes around wide tables
 * and code) and the column names shown above a figure on a phone, where the plan's rows are cards
 * and the header row is out of sight (issue 13).
 */
export const messagesJaLayout = {
  'layout.box.api-operations': '操作の一覧',
  'layout.box.api-parameters': '{operation} のパラメーター',
  'layout.box.api-responses': '{operation} の応答',
  'layout.box.api-curl': '{operation} の curl の例',
  'layout.box.history': '変更履歴（新しい順）',
  'layout.box.years': '年度ごとの状態',
  'layout.box.year-progress': '事業ごとの入力状況と未入力の項目',
  'layout.box.kpi-years': '年度ごとの実績と達成率',
  'layout.box.kpis': '{fiscalYear} の KPI と達成状況',
  'layout.box.users': '{municipality} の利用者',
  'layout.box.todo': '{fiscalYear} の事業と入力状況',
  'layout.box.evaluation-kpis': '{fiscalYear} の KPI の達成状況',
  'layout.box.kpi-year-targets': '年度ごとの目標',
  'layout.box.project-finances': '年度ごとの予算・決算・執行率',
  'layout.box.project-history': '最近の変更',
  'layout.card.budget': '予算',
  'layout.card.settlement': '決算',
  'layout.card.rate': '執行率',
  'layout.card.department': '担当課',
  'layout.card.status': '入力状況',
} as const;
