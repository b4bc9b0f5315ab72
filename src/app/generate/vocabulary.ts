/**
 * The words generated plans are made of: their shapes (the themes themselves are in themes.ts)
 * and the short lists every theme shares (kinds of project, notes, revisions, sources).
 * Illustrative, not any city's real plan.
 */
export interface IndicatorWords {
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** The baseline's range; the target and actuals are drawn around it. */
  base: [number, number];
  /** Decimal places of its values (合計特殊出生率: 2). */
  decimals?: number;
}

export interface ActivityWords {
  text: string;
  /** The result's words before its figure, and the figure's unit: `参加者` + 78 + `名`. */
  result: string;
  unit: string;
  range: [number, number];
}

export interface MeasureWords {
  title: string;
  kpi: IndicatorWords;
  /** Project names: a topic and a kind of project (`移住相談` + `推進事業`). */
  topics: string[];
  activities: ActivityWords[];
}

export interface DirectionWords {
  title: string;
  measures: MeasureWords[];
}

export interface ThemeWords {
  /** The goal's title after its number; `{name}` is the municipality's name. */
  goal: string;
  kpi: IndicatorWords;
  departments: string[];
  directions: DirectionWords[];
}

export const PROJECT_KINDS = ['事業', '推進事業', '支援事業', '補助金', '促進事業', '強化事業'];

export const NOTES = [
  '地方創生推進交付金を活用',
  'デジタル田園都市国家構想交付金を活用',
  'ふるさと納税を財源に充当',
  '令和3年度から新規',
  '県との共同事業',
  '企業版ふるさと納税を活用',
];

export const REVISIONS = [
  'オンライン開催を追加',
  '対象者を市外在住者にも拡大',
  '実施回数を見直し',
  '周知方法をSNS中心に変更',
  '民間事業者との連携を強化',
  '申請手続きを電子化',
  '補助上限額を見直し',
  '参加者アンケートを踏まえ内容を改善',
];

export const CANCELLED = '新型コロナウイルス感染症の影響により中止';

export const SOURCES = ['事業実績', '担当課調べ', '住民基本台帳', '市民意識調査', '県統計'];
