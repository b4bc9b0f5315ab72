import { isPrefectureCode } from './municipality-code.ts';

/**
 * The municipality's kind, the comparison's measure of size (the reference list holds no
 * population): 都道府県, 政令指定都市, 市, 特別区, 町, 村, from the code and the name.
 */
export const MUNICIPALITY_KINDS = [
  'prefecture',
  'designated-city',
  'city',
  'special-ward',
  'town',
  'village',
  'other',
] as const;

export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export function isMunicipalityKind(value: string): value is MunicipalityKind {
  return (MUNICIPALITY_KINDS as readonly string[]).includes(value);
}

// The 20 政令指定都市 (地方自治法 第252条の19), by 全国地方公共団体コード: a list, since neither the
// code nor the name (堺市, 相模原市 are cities like any other by name) tells them apart.
export const DESIGNATED_CITIES: ReadonlySet<string> = new Set([
  '011002', // 札幌市
  '041009', // 仙台市
  '111007', // さいたま市
  '121002', // 千葉市
  '141003', // 横浜市
  '141305', // 川崎市
  '141500', // 相模原市
  '151009', // 新潟市
  '221007', // 静岡市
  '221309', // 浜松市
  '231002', // 名古屋市
  '261009', // 京都市
  '271004', // 大阪市
  '271403', // 堺市
  '281000', // 神戸市
  '331007', // 岡山市
  '341002', // 広島市
  '401005', // 北九州市
  '401307', // 福岡市
  '431001', // 熊本市
]);

/** 東京都's 23 特別区 are 13101–13123 (千代田区 … 江戸川区). */
function isSpecialWard(code: string): boolean {
  const ward = Number(code.slice(2, 5));
  return code.startsWith('13') && ward >= 101 && ward <= 123;
}

export function municipalityKind(code: string, name: string): MunicipalityKind {
  if (isPrefectureCode(code)) return 'prefecture';
  if (DESIGNATED_CITIES.has(code)) return 'designated-city';
  if (isSpecialWard(code)) return 'special-ward';
  const trimmed = name.trim();
  if (trimmed.endsWith('市')) return 'city';
  if (trimmed.endsWith('町')) return 'town';
  if (trimmed.endsWith('村')) return 'village';
  return 'other';
}
