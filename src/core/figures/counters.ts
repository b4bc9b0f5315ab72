/** Counters that read as a count after any numeral, kanji or digits. */
const COUNT_WORDS = [
  '件',
  '名',
  '人',
  '社',
  '回',
  '組',
  '事業',
  '基',
  '箇所',
  'か所',
  'ヶ所',
] as const;

/**
 * The counters and units a figure may carry. A number with none of them is not a metric (a
 * year, a code, a rank, a model name): results always say what they counted.
 */
export const COUNTERS: readonly string[] = [
  ...COUNT_WORDS,
  'カ所',
  'ケ所',
  '世帯',
  '%',
  '円',
  '千円',
  '万円',
  '百万円',
  '億円',
  '戸',
  '校',
  '団体',
  '人泊',
  '泊',
  '日間',
  '日',
  '時間',
  'か月',
  'ヶ月',
  'カ月',
  '箇月',
  '年間',
  '週間',
  '台',
  '本',
  '冊',
  '部',
  '枚',
  '店舗',
  '店',
  '施設',
  '園',
  '棟',
  '区画',
  '地区',
  '路線',
  '便',
  '隻',
  '頭',
  '匹',
  '羽',
  '席',
  '品目',
  '品',
  '点',
  '種類',
  '種',
  '口',
  '票',
  '通',
  '講座',
  'コース',
  'ポイント',
  '倍',
  '割',
  'ha',
  'km',
  'kg',
  'kW',
  't',
  'm',
  '㎡',
  '㎞',
  'ｔ',
];

/**
 * The counters a kanji numeral may take. Kanji numerals start many ordinary words (一部, 一時,
 * 一体的, 十分, 三重, 四国), so only counters that read as a count are accepted after them.
 */
export const KANJI_COUNTERS: ReadonlySet<string> = new Set([
  ...COUNT_WORDS,
  '世帯',
  '戸',
  '校',
  '団体',
  '台',
  '冊',
  '店舗',
  '施設',
  '棟',
  '地区',
]);

/** Latin units: a number followed by other letters is a name (5G, 4K, 3D), not a measure. */
export const LATIN_UNITS: ReadonlySet<string> = new Set(['ha', 'km', 'kg', 'kW', 't', 'm']);

// Longest first, so that 千円 wins over 円's absence and 日間 over 日.
const BY_LENGTH = [...COUNTERS].sort((a, b) => b.length - a.length);

/** The counter written at `pos` in `text`, or null. */
export function counterAt(text: string, pos: number): string | null {
  for (const c of BY_LENGTH) {
    if (!text.startsWith(c, pos)) continue;
    // A latin unit must end there: 5km is a distance, 5kmh or 3time are not.
    if (/^[a-z]/i.test(c) && /[a-z]/i.test(text[pos + c.length] ?? '')) continue;
    return c;
  }
  return null;
}
