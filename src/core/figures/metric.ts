/**
 * A figure read out of a result's words (`▶R2…参加者78名、出展企業28社、就職者3名(うち室蘭市内企業2名)`):
 * what is counted, how many, and what the sentence says about the number. The same record is an
 * entry's `metrics` in the store, the JSON format, the open-data CSV, the API and `sousei figures`.
 */
export interface Metric {
  /** What is counted, as the sentence names it (参加者, 出展企業, 移住相談); '' when it names nothing. */
  label: string;
  /** The number, exact (全角 digits, commas, 万/千 and kanji numerals read): 1万2千人 → 12000. */
  value: number;
  /** The counter or unit after the number (名, 社, 件, %, 円, 千円, 回, …), or ''. */
  unit: string;
  /** The label of the figure this one is part of (`就職者3名(うち室蘭市内企業2名)` → '就職者'), or null. */
  partOf: string | null;
  /** A running sum (累計) rather than the year's own count. */
  cumulative: boolean;
  /** A total over occasions (延べ). */
  total: boolean;
  /** Written as approximate (約50名, 50名程度, 50名以上) or as a range's lower end. */
  approximate: boolean;
  /** The upper end of a range (10～20名 → value 10, upTo 20), or null. */
  upTo: number | null;
  /** The target written before it under the 目標⇒実績 convention (`10名⇒3名` → target 10, value 3), or null. */
  target: number | null;
  /** When the figure was counted, as written (`3月調査時点` → '3月調査時点'), or null. */
  asOf: string | null;
}

/** What a result says happened to the activity as a whole, when it was not carried out as planned. */
export type EntryStatus = '中止' | '延期' | '実施なし';

/** Everything read out of one sentence. */
export interface ExtractedFigures {
  metrics: Metric[];
  status: EntryStatus | null;
}

/** How the plan writes ⇒ (its import settings' conventions): a revision mark, or target ⇒ actual. */
export interface ExtractOptions {
  arrow?: 'revision' | 'target-actual';
}
