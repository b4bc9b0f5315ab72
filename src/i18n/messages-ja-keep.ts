/**
 * An import may not delete what a locked or published year holds (src/store/rules): the refusal
 * and one line per item it would have deleted (its number and year are in the finding's place).
 */
export const messagesJaKeep = {
  'keep.refused':
    '締切（ロック）または公表済みの年度のデータを削除または変更する内容のため、取り込みをやめました（{count} 件）。何も書き込んでいません。それらの項目をファイルに保存済みのとおり残してください',
  'keep.project.published':
    '事業「{name}」がファイルにありません。公表済みの年度のデータ（予算・決算、取組の実績、評価、KPI など）を持つため削除できません',
  'keep.project.locked':
    '事業「{name}」がファイルにありません。締切（ロック）済みの年度のデータ（予算・決算、取組の実績、評価、KPI など）を持つため削除できません',
  'keep.activity.published':
    '事業「{name}」の取組 {position}「{title}」がファイルにありません。公表済みの年度の記載を持つため削除できません',
  'keep.activity.locked':
    '事業「{name}」の取組 {position}「{title}」がファイルにありません。締切（ロック）済みの年度の記載を持つため削除できません',
  'keep.entry.published':
    '事業「{name}」の取組 {position}「{title}」の {entry} 番目の記載がファイルにありません。公表済みの年度の記載のため削除できません',
  'keep.entry.locked':
    '事業「{name}」の取組 {position}「{title}」の {entry} 番目の記載がファイルにありません。締切（ロック）済みの年度の記載のため削除できません',
  'keep.entry-changed.published':
    '事業「{name}」の取組 {position}「{title}」の {entry} 番目の記載が、公表済みの記載「{stored}」と異なります（ファイル：「{text}」）。公表済みの年度の記載は変更できません。ファイルの記載を公表済みのとおりに戻すか、その年度の列を空にしてください',
  'keep.entry-changed.locked':
    '事業「{name}」の取組 {position}「{title}」の {entry} 番目の記載が、締切（ロック）済みの記載「{stored}」と異なります（ファイル：「{text}」）。締切済みの年度の記載は変更できません。ファイルの記載を保存済みのとおりに戻すか、その年度の列を空にしてください',
  'keep.entry-added.published':
    '事業「{name}」の取組 {position}「{title}」に、公表済みの年度の記載「{text}」が加わっています。公表済みの年度の記載は追加できません',
  'keep.entry-added.locked':
    '事業「{name}」の取組 {position}「{title}」に、締切（ロック）済みの年度の記載「{text}」が加わっています。締切済みの年度の記載は追加できません',
  'keep.activity-text.published':
    '事業「{name}」の取組 {position}「{title}」の文言がファイルでは「{text}」に変わっています。公表済みの年度の記載を持つ取組の文言は変更できません',
  'keep.activity-text.locked':
    '事業「{name}」の取組 {position}「{title}」の文言がファイルでは「{text}」に変わっています。締切（ロック）済みの年度の記載を持つ取組の文言は変更できません',
  'keep.node.published':
    '「{title}」がファイルにありません。公表済みの年度の KPI の値を持つため削除できません',
  'keep.node.locked':
    '「{title}」がファイルにありません。締切（ロック）済みの年度の KPI の値を持つため削除できません',
} as const;
