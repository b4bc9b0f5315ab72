import { messagesJaAccounts } from './messages-ja-accounts.ts';
import { messagesJaAnalysis } from './messages-ja-analysis.ts';
import { messagesJaApi } from './messages-ja-api.ts';
import { messagesJaBackup } from './messages-ja-backup.ts';
import { messagesJaBounds } from './messages-ja-bounds.ts';
import { messagesJaBreakdown } from './messages-ja-breakdown.ts';
import { messagesJaCompare } from './messages-ja-compare.ts';
import { messagesJaCopy } from './messages-ja-copy.ts';
import { messagesJaCycle } from './messages-ja-cycle.ts';
import { messagesJaDashboard } from './messages-ja-dashboard.ts';
import { messagesJaEvaluation } from './messages-ja-evaluation.ts';
import { messagesJaFigures } from './messages-ja-figures.ts';
import { messagesJaKeep } from './messages-ja-keep.ts';
import { messagesJaKpi } from './messages-ja-kpi.ts';
import { messagesJaLayout } from './messages-ja-layout.ts';
import { messagesJaLimits } from './messages-ja-limits.ts';
import { messagesJaMapping } from './messages-ja-mapping.ts';
import { messagesJaMappingReader } from './messages-ja-mapping-reader.ts';
import { messagesJaMetrics } from './messages-ja-metrics.ts';
import { messagesJaNational } from './messages-ja-national.ts';
import { messagesJaRoundtrip } from './messages-ja-roundtrip.ts';
import { messagesJaWords } from './messages-ja-words.ts';

/**
 * The message catalogue: every string a person reads, in Japanese (the product's language).
 * Keys are stable codes; `{name}` is replaced by a parameter. An English catalogue can follow
 * with the same keys (messages-en.ts) without touching the code that uses them.
 */
export const messagesJa = {
  ...messagesJaKpi,
  ...messagesJaRoundtrip,
  ...messagesJaEvaluation,
  ...messagesJaDashboard,
  ...messagesJaApi,
  ...messagesJaAccounts,
  ...messagesJaCycle,
  ...messagesJaLimits,
  ...messagesJaBounds,
  ...messagesJaBackup,
  ...messagesJaCopy,
  ...messagesJaBreakdown,
  ...messagesJaMapping,
  ...messagesJaMappingReader,
  ...messagesJaNational,
  ...messagesJaCompare,
  ...messagesJaFigures,
  ...messagesJaWords,
  ...messagesJaKeep,
  ...messagesJaAnalysis,
  ...messagesJaMetrics,
  ...messagesJaLayout,
  // Findings of readers
  'file.not-text': 'テキストファイルとして読めません（{offset} バイト目付近）',
  'file.not-found': 'ファイルが見つかりません: {path}',
  'table.header-not-found': '見出し行（No. の列を含む行）が見つかりません',
  'table.header-column-missing': '見出しに必要な列がありません',
  'table.fiscal-year-mismatch': '表の年度が指定された {fiscalYear} と一致しません',
  'table.unit-assumed': '金額の単位の記載がないため、千円とみなしました',
  'table.no-projects': '事業の行が一つもありません',
  'table.no-totals': '合計行がありません。ファイルが途中で切れている可能性があります',
  'row.unexpected-cell': '見出しのない列に値があります（取り込むと失われるため受け付けません）',
  'row.amount-on-title':
    '見出し（階層名）の行に金額があります。小計は取り込めないため、削除してください',
  'row.duplicate-totals': '合計行が二つ以上あります',
  'row.node-before-parent': '上位の階層より前に下位の階層の行があります',
  'row.project-before-goal': '基本目標の行より前に事業の行があります',
  'row.project-before-node': '所属する施策が決まらない事業の行があります',
  'row.truncated': '行が途中で切れています。ファイルが途中で切れている可能性があります',
  'project.missing-no': '事業番号（No.）がありません',
  'project.missing-name': '事業名がありません',
  'project.duplicate-no': '事業番号が重複しています（最初の出現: {firstLine} 行目）',
  'activity.text-before-checkbox': '☐ より前に文があります。各取組は ☐ で始めてください',
  'activity.broken-checkbox': 'チェックボックスの記号が途中で切れています',
  'amount.not-a-number': '金額として読めません',
  'amount.too-many-decimals': '1円未満の端数があります',
  'amount.out-of-range': '金額が大きすぎます',
  'relist.original-not-found': '（再掲）の元になる取組が見つかりません（{position} 番目の取組）',
  'xlsx.unreadable': 'Excel ファイル（.xlsx）として読めません',
  'mapping.header-not-found': '見出し行まで読めませんでした（headerRows を確かめてください）',
  'mapping.level-missing': '階層の名称がありません（上の行にもありません）',
  'mapping.not-a-number': '数値として読めません',
  'mapping.invalid': '対応表（マッピング）ファイル {path} が正しくありません: {detail}',
  'json.invalid': 'JSON の内容が形式に合いません',
  'json.syntax': 'JSON として読めません: {detail}',
  // Findings of checks
  'totals.mismatch': '合計が一致しません（{field}: 表の記載 {stated}、事業の合計 {computed}）',
  'settlement.over-budget': '決算 {settlement} が予算 {budget} を上回っています',
  'settlement.zero': '予算 {budget} に対し決算が 0 です。理由の記載を確認してください',
  'settlement.missing': '予算 {budget} に対し決算がありません',
  'activity.cancelled-with-settlement':
    'この年度の取組はすべて中止ですが、決算 {settlement} があります',
  'project.numbering-gap': '事業番号 {no} がありません（番号の欠け）',
  'kpi.actual-missing': 'KPI「{name}」の {fiscalYear} の実績がありません（締切済みの年度）',
  'results.missing': 'この年度の事業の結果（▶）がありません',
  // What was expected
  'expected.text-file': 'UTF-8・Shift_JIS・UTF-16 のテキスト',
  'expected.header-row': '「No.」「事業名」「予算」「決算」を含む見出し行',
  'expected.header-level': '階層名の列（具体的な施策 など）',
  'expected.header-name': '「事業名」の列',
  'expected.header-activity': '「主な事業内容」の列',
  'expected.header-fiscal-year': '年度（R2 など）の列',
  'expected.header-budget-settlement': '年度の下に「予算」「決算」',
  'expected.fiscal-year': '指定された年度の列',
  'expected.amount': '金額（{unit}。例: 2,810、なしは -）',
  'expected.project-no': '事業番号',
  'expected.name': '事業名',
  'expected.unique-project-no': '計画内で一意の事業番号',
  'expected.checkbox': '☐（<input type="checkbox"/>）で始まる取組',
  'expected.cell-count': 'すべての列がそろった行',
  'expected.totals-row': '表の末尾の合計行',
  'expected.project-row': '事業の行',
  'expected.empty-cell': '空欄',
  'expected.mapped-column': '対応表が指す列（列記号または見出し）',
  'expected.level-title': '階層の名称',
  'expected.number': '数値',
  'expected.xlsx': 'Excel ブック（.xlsx）',
  'expected.json-plan': 'sousei-plan 形式の JSON（docs/json-format.md）',
  // Changes an import makes
  'change.plan-added': '計画「{title}」を新たに登録します',
  'change.node-added': '{level}「{title}」を追加',
  'change.node-removed': '{level}「{title}」を削除',
  'change.project-added': '事業 {no}「{name}」を追加',
  'change.project-removed': '事業 {no}「{name}」を削除',
  'change.project-renamed': '事業 {no} の名称: 「{before}」→「{after}」',
  'change.project-moved': '事業 {no} の所属: 「{before}」→「{after}」',
  'change.project-notes-changed': '事業 {no} の注記（※）を変更',
  'change.project-activities-changed': '事業 {no} の取組を変更（{before} 件 → {after} 件）',
  'change.finance-changed': '事業 {no} {fiscalYear} {field}: {before} → {after}',
  'change.none': '変更はありません',
  // Statuses
  'status.year.preparing': '準備中',
  'status.year.open': '入力受付中',
  'status.year.locked': '締切済み',
  'status.year.published': '公表済み',
  'status.project.entering': '入力中',
  'status.project.submitted': '入力完了',
  'status.project.returned': '差戻し',
  'status.project.accepted': '確認済み',
  'action.year.open': '入力受付を開始',
  'action.year.lock': '締め切る（ロック）',
  'action.year.unlock': 'ロックを解除',
  'action.year.publish': '公表する',
  'action.year.unpublish': '公表を取り下げる',
  'action.project.submit': '入力完了にする',
  'action.project.accept': '確認済みにする',
  'action.project.return': '差し戻す',
  'missing.budget': '予算',
  'missing.settlement': '決算',
  'missing.result': '結果（▶）',
  'missing.department': '担当課の割当て',
  // Words
  'word.budget': '予算',
  'word.settlement': '決算',
  'word.error': 'エラー',
  'word.warning': '警告',
  'word.info': '情報',
  'word.line': '{line} 行目',
  'word.column': '{column} 列目',
  'word.expected': '期待',
  'word.found': '実際',
  'word.project': '事業 {no}',
  'word.total': '合計',
  'word.execution-rate': '執行率',
  'word.result': '結果',
  'word.revision': '見直し',
  'word.activity': '取組',
  'word.kpi': 'KPI',
  'word.undated': '年度の記載なし',
  // The project page
  'project.no-activities': '取組の記載はありません。',
  'project.no-entries': '結果・見直しの記載はありません。',
  'project.relist-of': '{no}. {name} の取組 {position} の再掲',
  'project.edit': '{fiscalYear} の入力',
  'project.no-history': '変更の記録はまだありません。',
  'history.finance': '{field}: {before} → {after}（{unit}）',
  'history.activities': '取組・結果・見直しを変更',
  'history.project-status': '入力状況: {before} → {after}',
  'history.year-status': '年度の状態: {before} → {after}',
  'history.comment': 'コメント: {comment}',
  'history.origin.web': '画面から入力',
  'history.origin.api': 'API から入力',
  'history.origin.cli': 'コマンドで実行',
  'history.origin.import': 'ファイルの取り込み',
  'history.origin.restore': '履歴から元に戻す',
  'history.origin.workflow': '入力状況・年度の進行',
  // The progress report
  'report.note.revision':
    '表記: {checkbox} は取組、{result} は事業の結果（{result}R2… は令和2年度の結果）、{revision} はその時の事業の見直し内容、下線は KPI に位置付けている結果です。',
  'report.note.target-actual':
    '表記: {checkbox} は取組、{result} は事業の結果（{result}R2… は令和2年度の結果）、{revision} は目標{revision}実績（文の一部）、下線は KPI に位置付けている結果です。',
  'report.legend.result': '※{mark}は、事業の結果',
  'report.legend.revision': '※{mark}は、その時の事業の見直し内容',
  'report.legend.target-actual': '※{mark}は、目標{mark}実績',
  'report.legend.kpi': '※下線は、KPIに位置付けているもの',
  'report.print-hint':
    'ブラウザの印刷機能で、A3 横に印刷できます（見出し行は各ページに繰り返されます）。',
  // Search
  'search.hint':
    'スペースで区切ると、すべての語を含む事業を探します。全角・半角、大文字・小文字は区別しません。',
  'search.empty': '探す語を入力してください。事業名・注記・取組・結果の文から探します。',
  'search.none':
    '「{query}」を含む事業は見つかりませんでした。語を減らすか、別の言い方でお試しください。',
  'search.count': '「{query}」を含む事業: {count} 件',
  // Errors
  'database.unsupported-url':
    'DATABASE_URL を解釈できません: {url}（postgres://… または sqlite:パス）',
  'database.unavailable': 'データベースに接続できません: {target}',
  'database.migration-failed': 'データベースの更新（マイグレーション {name}）に失敗しました',
  'municipality.invalid-code':
    '全国地方公共団体コードが正しくありません: {code}（6桁・検査数字付き。例: 012050）',
  'municipality.required': '団体を --municipality（全国地方公共団体コード）で指定してください',
  'plan.not-found': '計画が見つかりません{detail}',
  'plan.title-required': '計画名がありません。--plan で計画名を指定してください',
  'plan.ambiguous': '計画が複数あります。--municipality と --plan で指定してください: {choices}',
  'import.invalid': '取り込めません。問題が {count} 件あります（何も書き込んでいません）',
  'import.settings-invalid': '取り込み設定ファイル {path} が正しくありません: {detail}',
  'usage.invalid-format': '形式 {format} には対応していません（{choices}）',
  'usage.binary-needs-out': 'この形式は --out でファイルに書き出してください',
  'usage.invalid-fiscal-year': '年度として読めません: {value}（例: 2020、R2、令和2年度）',
  'login.failed': 'メールアドレスまたはパスワードが違います',
  'login.rate-limited': 'ログインの失敗が続いたため、{minutes} 分ほど待ってからお試しください',
  'user.invalid-role': '役割 {role} はありません（admin・editor・committee）',
  'user.invalid-email': 'メールアドレスとして読めません: {email}',
  'user.email-taken': 'このメールアドレスはすでに登録されています: {email}',
  'user.password-needs-tty':
    '端末がないためパスワードを尋ねられません。--password-stdin を使ってください',
  'user.password-mismatch': '二回の入力が一致しません',
  'user.cancelled': '中止しました',
  'password.too-short': 'パスワードは12文字以上にしてください',
  'password.too-long': 'パスワードが長すぎます（256文字まで）',
  'year.locked': '{fiscalYear} は締め切り（ロック）または公表済みのため変更できません',
  'year.not-open': 'この年度は入力受付中ではありません',
  'year.invalid-transition':
    'この年度は今の状態ではその操作ができません（状態が変わった可能性があります。画面を開き直してください）',
  'year.publish-has-errors':
    '検査でエラーが {count} 件あります。公表するには理由を記入してください（記録されます）',
  'year.out-of-plan': '{fiscalYear} は計画期間の外です',
  'project.not-found': '事業が見つかりません',
  'project.invalid-transition':
    'この事業は今の入力状況ではその操作ができません（状況が変わった可能性があります。画面を開き直してください）',
  'project.return-needs-comment': '差し戻すときはコメントを書いてください',
  'change.not-found': '変更履歴が見つかりません',
  'change.not-restorable': 'この変更は元に戻せません（金額と取組の変更のみ）',
  'auth.forbidden': 'この操作の権限がありません',
  'auth.required': 'ログインしてください',
  'text.too-long': '長すぎます（{max} 文字まで）',
  'form.stale': '画面が古くなっています。開き直してください',
  'csrf.invalid': '画面の有効期限が切れました。もう一度送信してください',
  'kpi.invalid': 'KPI の内容が正しくありません: {detail}',
  'kpi.not-found': 'KPI が見つかりません',
  'kpi.node-not-found': 'KPI を付ける基本目標・施策が見つかりません',
  'kpi.entry-not-found': '結果の記載が見つかりません',
  'kpi.no-figure': '結果の記載から数値を読み取れません: {text}',
  'evaluation.invalid-effect': '事業効果「{effect}」は選べる区分にありません',
  'evaluation.invalid-policy': '今後の方針「{policy}」は選べる項目にありません',
  'evaluation.empty-comment': 'コメントを書いてください',
  'settings.invalid': '設定が正しくありません（区分のしきい値は大きい順、今後の方針は一つ以上）',
  'role.department': '担当課',
  'role.planning': '企画課',
  'role.committee': '外部有識者',
  'pdf.chromium-missing':
    'PDF を作るための Chromium がありません。/usr/bin/chromium（Debian の chromium と fonts-noto-cjk）を入れるか、CHROMIUM_PATH で指定してください',
  internal: '内部エラーが発生しました。管理者に連絡してください（参照番号 {ref}）',
} as const;

export type MessageKey = keyof typeof messagesJa;
