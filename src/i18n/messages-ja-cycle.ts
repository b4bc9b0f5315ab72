/** The yearly cycle's messages: confirmations, notices, refusals, readiness findings. */
export const messagesJaCycle = {
  'status.project.untouched': '未着手',
  'status.project.unfinished': '未完了',
  'done.open': '{what}の入力受付を開始しました。',
  'done.lock': '{what}を締め切りました（ロック）。',
  'done.unlock': '{what}のロックを解除しました。',
  'done.publish': '{what}を公表しました。',
  'done.unpublish': '{what}の公表を取り下げました。',
  'done.submit': '入力完了にしました。企画課の確認に回ります。',
  'done.accept': '確認済みにしました。',
  'done.return': '差し戻しました。',
  'project.submit-incomplete':
    '入力完了にするには {missing} を入力するか、ない理由を書いてください',
  'year.lock-has-unfinished':
    '未完了の事業が {count} 件あります。このまま締め切るには理由を記録してください',
  'project.not-ready': '公表の準備ができていません（{missing} がありません）',
  'history.reason': '理由: {reason}',
  'confirm.open': '{what}の入力受付を開始します',
  'confirm.lock': '{what}を締め切ります（ロック）',
  'confirm.unlock': '{what}のロックを解除します',
  'confirm.publish': '{what}を公表します',
  'confirm.unpublish': '{what}の公表を取り下げます',
} as const;
