/** The guided start of a mapped import: `sousei mapping suggest` and the import page's preview. */
export const messagesJaMapping = {
  'suggest.no-table':
    '表が見つかりません: 見出しの行と、数値の並ぶデータの行が読めません（--sheet でシートを指定してください）',
  'suggest.sheet-chosen':
    'シート「{sheet}」を読みました（ほかのシート: {others}。違うときは --sheet）',
  'suggest.no-project-name': '事業名の列が見つかりません（columns.projectName を指定してください）',
  'suggest.project-name-guessed':
    '列 {column} を事業名としました（見出しに「事業名」がありません。違うときは columns.projectName）',
  'suggest.no-project-no': '事業番号の列が見つかりません（columns.projectNo を指定してください）',
  'suggest.no-department':
    '担当課の列が見つかりません（あれば columns.department を指定してください）',
  'suggest.level-unsure':
    '列 {column}: 値が行ごとにすべて異なり、体系の階層かどうか分かりません（階層なら columns.levels に加えてください）',
  'suggest.no-levels':
    '体系の階層の列が見つかりません（仮に {column} を階層としました。columns.levels を確かめてください）',
  'suggest.unit-assumed': '金額の単位が見つかりません（千円としました。違うときは amountUnit）',
  'suggest.year-unreadable':
    '列 {columns}: 年度が読めません（仮に {year} 年度としました。finances の fiscalYear を確かめてください）',
  'suggest.budget-assumed':
    '{year} 年度の金額は、表の年度より後なので予算としました（決算なら finances の budget を settlement に）',
  'suggest.year-missing': '列 {columns}: 年度が読めません（finances に加えていません）',
  'suggest.several-columns':
    '{year} 年度の{what}の列が複数あります: {columns}（{chosen} を使いました）',
  'suggest.year-no-amount': '{year} 年度: 予算の列も決算の列も分かりません',
  'suggest.no-finances': '年度ごとの金額の列が見つかりません（finances を指定してください）',
  'suggest.indicator-no-name':
    '列 {columns}: 指標の名称の列が分かりません（indicators に加えていません）',
  'suggest.indicator-no-unit': '指標 {column}: 単位の列が見つかりません（「—」としました）',
  'suggest.indicator-year-unreadable':
    '列 {column}: 指標の年度が読めません（indicators に加えていません）',
  'suggest.target-year-assumed':
    '列 {column}: 目標の年度が読めません（仮に {year} 年度としました）',
  'suggest.indicator-year-twice':
    '列 {column}: {year} 年度の値の列がほかにもあります（使っていません）',
  'suggest.indicator-defaults':
    '指標 {count} 件は「高いほど良い」「単年度」としました（違うときは direction・kind を変えてください）',
  'suggest.several-evaluation':
    '評価の {what} に当たる列が複数あります: {columns}（{chosen} を使いました）',
  'suggest.evaluation-year-missing':
    '列 {columns}: 評価の年度が分かりません（evaluation を加えていません）',
  'suggest.evaluation-year-assumed':
    '評価の年度を {year} 年度としました（見出しに年度がありません。evaluation.fiscalYear を確かめてください）',
  'suggest.period-missing':
    '計画期間が分かりません（plan.firstFiscalYear・lastFiscalYear を指定してください）',
  'suggest.title-missing':
    '計画名が分かりません（plan.title に書くか、取り込むときに計画名を指定してください）',
  'suggest.rounding':
    '列 {columns}: 円未満の端数のある金額（{unit}）があります（四捨五入 rounding: "round" としました。切り捨てなら "floor"）',
  'suggest.empty-token':
    '数値の列 {columns} に「{word}」があります（値なしとして emptyTokens に加えました。違うときは消してください）',
  'suggest.kind-assumed':
    '計画の種類を「{kind}」としました（題名にありません。違うときは plan.kind）',
  'suggest.result-year-assumed':
    '列 {column}: 実績・成果（result）として {year} 年度としました（見出しに年度がありません。texts の fiscalYear を確かめてください）',
  'suggest.activity-year-assumed':
    '列 {column}: 計画・取組（activity）として {year} 年度としました（見出しに年度がありません。texts の fiscalYear を確かめてください）',
  'suggest.text-year-missing':
    '列 {column}: 実績・計画の年度が分かりません（texts に加えていません）',
  'suggest.policy-values':
    '列 {column}: 今後の方針の値を読み替えます（{pairs}。最初の行から作りました。ほかの値があれば evaluation.policy.values に加えてください）',
  'suggest.policy-unplaced':
    '列 {column}の「{value}」: 今後の方針のどの言葉にあたるか分かりません（方針の言葉: {words}。evaluation.policy.values に加えてください）',
  'suggest.unused': '使っていない列: {columns}',
  'suggest.done': '対応表を提案しました（確かめること {count} 件）',
  'preview.heading': '確認しました（まだ書き込んでいません）。取り込むとこう保存されます',
  'preview.findings': '問題と注意 {count} 件',
  'preview.checks': '検査結果（取り込みは妨げません）',
  'preview.caption': '保存される形（最初の {shown} 事業、全 {total} 事業。金額は千円）',
  'preview.level': '階層',
  'preview.no': '番号・コード',
  'preview.name': '名称',
  'preview.department': '担当課',
  'preview.budget': '{fiscalYear} 予算',
  'preview.settlement': '{fiscalYear} 決算',
  'preview.indicators': '指標・評価',
  'preview.indicator': '{name}（{unit}）目標 {target}、実績 {actuals}',
  'preview.evaluation': '{fiscalYear} 年度の評価: {effect}、今後の方針 {policy}',
  'preview.none': 'なし',
  'preview.summary.rows': '読んだ行',
  'preview.summary.skippedRows': '読み飛ばした行（事業番号が空）',
  'preview.summary.projects': '事業',
  'preview.summary.nodes': '階層ごとの数',
  'preview.summary.financeYears': '年度別の金額',
  'preview.summary.indicators': '指標',
  'preview.summary.actuals': '指標の実績',
  'preview.summary.evaluations': '評価',
  'preview.summary.tags': 'タグ',
  'preview.summary.texts': '取組・結果の文',
  'preview.summary.financeDetails': '財源などの内訳',
  'mapped.title': '対応表で取り込む',
  'mapped.kept':
    '選んだファイル: {name}（サーバーに一時保存中。別のファイルにするときは選び直してください）',
  'mapped.no-file': 'ファイルを選んでください',
  'mapped.no-mapping':
    '対応表（JSON）を貼り付けるか、ファイルで選ぶか、「対応表を提案」を押してください',
  'mapped.not-json': '対応表が JSON として読めません: {detail}',
  'mapped.suggested':
    '対応表を提案しました。確かめること {count} 件を見て、必要なら下の対応表を直してから「確認する」を押してください',
  'mapped.written': '取り込みました（事業 {projects}）',
} as const;
