/** Findings of the column-mapped importer (mapping v2: docs/mapping.md). */
export const messagesJaMappingReader = {
  'mapping.column-not-found': '対応表の列が見つかりません。読んだ見出し: {headers}',
  'mapping.column-ambiguous':
    '対応表の列が一つに決まりません。候補: {candidates}。nth か under で選んでください',
  'mapping.value-not-mapped': '値の対応（values）にない値です。対応表の値: {keys}',
  'mapping.code-names-differ':
    'コード {code} に別の名称があります。{keptCell} の「{kept}」を使います',
  'mapping.amounts-rounded': '1円未満の端数がある金額 {count} 件を丸めました（{rounding}）',
  'mapping.indicator-renamed':
    '同じ事業に同じ名前の指標があります（最初は {firstCell}）。「{renamed}」として取り込みます',
  'mapping.category-unreadable': '指標の区分（活動・成果）として読めません',
  'kpi.import.duplicate-name':
    '事業 {projectNo} に同じ名前の指標「{name}」が二つあります。一つが消えるため取り込みません',
  'kpi.category.activity': '活動指標',
  'kpi.category.outcome': '成果指標',
  'expected.mapped-value': '値の対応（values）にある値',
  'expected.kpi-category': '活動指標・成果指標（活動・成果・アウトプット・アウトカム）',
};
