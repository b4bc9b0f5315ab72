/** Catalogue entries of the evaluation pages; spread into messagesJa (one catalogue, several files). */
export const messagesJaEvaluation = {
  // A status scale as it reads (settings, queue, report)
  'scale.band.at-least': '{label} {min}%以上',
  'scale.band.above': '{label} {min}%超',
  'scale.band.rest': '{label} それ未満',
  'scale.in-use': '事業効果の区分: {name}（{bands}）',
  // The queue
  'evaluation.queue.counts': '評価済み {evaluated} 件・未評価 {unevaluated} 件（全 {total} 件）',
  'evaluation.queue.evaluated-means':
    '評価済み: 事業効果と今後の方針の両方が記録されている事業。KPI の目安は、事業の KPI のうち最も低い達成率の区分です（評価は会議が決めます）。',
  'evaluation.queue.none-pending': '{fiscalYear} の未評価の事業はありません。',
  // The form
  'evaluation.closed-year':
    '{fiscalYear} は「{status}」です。有識者会議は年度が締まった後に開かれるため、評価とコメントは引き続き記録できます。',
  'evaluation.hint':
    'KPI からの目安: {band}（達成率 {rate}。KPI が複数のときは最も低い達成率）。評価は会議が決めます。',
  'evaluation.hint.none': 'この年度の KPI の実績がないため、KPI からの目安はありません。',
  'evaluation.not-on-scale':
    '記録済みの{field}「{value}」は、現在の設定の選択肢にありません（設定の変更前に記録されたもの）。',
  'evaluation.unset': '未評価',
  'evaluation.saved': '評価を保存しました。',
  'evaluation.comment-saved': 'コメントを追加しました。',
  'evaluation.saves-comment-too':
    '「評価を保存」を押すと、ここに書いたコメントも一緒に保存されます。',
  'evaluation.saved-with-comment': '評価を保存し、コメントを追加しました。',
  'evaluation.year-published':
    '{fiscalYear} は公表済みのため、評価とコメントは変更できません（公表を取り下げると記録できます）',
  'evaluation.published-year': '{fiscalYear} は公表済みです。評価とコメントは読み取り専用です。',
  'history.evaluation': '評価（事業効果・今後の方針）: {before} → {after}',
  'history.evaluation-comment': 'コメント「{text}」を追加',
  'evaluation.comment-as': 'コメント（{role}として）',
  'evaluation.no-comments': 'コメントはまだありません。',
  'evaluation.read-only': '事業効果と今後の方針は、外部有識者と企画課が記録します。',
  'evaluation.no-comment-role': 'コメントは、この事業の担当課・企画課・外部有識者が書けます。',
  'evaluation.role-heading.department': '担当課（自己評価）',
  'evaluation.role-heading.planning': '企画課',
  'evaluation.role-heading.committee': '外部有識者',
  // Settings
  'settings.saved': '設定を保存しました。',
  'settings.scale-required': '区分を選んでください',
  'settings.threshold-not-a-number': '数値（%）を入力してください（例: 80）',
  'settings.threshold-out-of-range': '-{max} から {max} の間で入力してください',
  'settings.threshold-order': '「{label}」のしきい値より小さい値にしてください',
  'settings.policies-required': '今後の方針を一つ以上、一行に一つずつ書いてください',
  'settings.policy-too-long': '「{policy}」が長すぎます（{max} 文字まで）',
  'settings.policy-duplicate': '「{policy}」が二回書かれています',
  'settings.policies-too-many': '今後の方針は {max} 件までです',
  'settings.existing-values':
    '区分や今後の方針を変えても、記録済みの評価は書き換えません。選択肢にない値は評価の画面でそのまま示されます。',
  // The progress report's evaluation columns
  'report.evaluation.option': '評価（事業効果・今後の方針）の列を加える',
  'report.evaluation.note':
    '事業効果・今後の方針は {fiscalYear} の評価（外部有識者会議）です。{scale}',
} as const;
