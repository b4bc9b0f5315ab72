import { toHalfWidth } from './half-width.ts';
import { MUNICIPALITY_ROWS, PREFECTURE_ROWS } from './municipalities-data.ts';
import { parseMunicipalityCode } from './municipality-code.ts';

/**
 * The 全国地方公共団体コード list (data/municipalities, generated into municipalities-data.ts):
 * every municipality, the designated cities' wards and the prefectures. Every code and name that
 * enters Sousei is checked against it.
 */

export type MunicipalityKind = 'municipality' | 'ward' | 'prefecture';

export interface KnownMunicipality {
  code: string;
  /** The official name as one word: a ward is `札幌市中央区` (the source writes `札幌市 中央区`). */
  name: string;
  kana: string;
  prefecture: string;
  kind: MunicipalityKind;
}

const prefectureNames = new Map(PREFECTURE_ROWS.map(([code, name]) => [code.slice(0, 2), name]));

function known(
  code: string,
  name: string,
  kana: string,
  kind: MunicipalityKind,
): KnownMunicipality {
  const prefecture = prefectureNames.get(code.slice(0, 2)) ?? '';
  return Object.freeze({ code, name: name.replaceAll(' ', ''), kana, prefecture, kind });
}

/** Every entry of the list in code order: municipalities, wards and prefectures. */
export const KNOWN_MUNICIPALITIES: readonly KnownMunicipality[] = Object.freeze(
  [
    ...MUNICIPALITY_ROWS.map(([code, name, kana, ward]) =>
      known(code, name, kana, ward === 1 ? 'ward' : 'municipality'),
    ),
    ...PREFECTURE_ROWS.map(([code, name, kana]) => known(code, name, kana, 'prefecture')),
  ].sort((a, b) => a.code.localeCompare(b.code)),
);

const byCode = new Map(KNOWN_MUNICIPALITIES.map((m) => [m.code, m]));

/** The listed municipality, ward or prefecture of a code in any form parseMunicipalityCode reads. */
export function findMunicipality(code: string): KnownMunicipality | null {
  const parsed = parseMunicipalityCode(code);
  return parsed === null ? null : (byCode.get(parsed) ?? null);
}

/** A name compared as people write it: spaces and full-/half-width forms do not count. */
function nameKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '');
}

/** True when `name` names `m`, alone or after its prefecture (`北海道室蘭市`). */
export function namesMunicipality(m: KnownMunicipality, name: string): boolean {
  const key = nameKey(name);
  return key === m.name || key === m.prefecture + m.name;
}

/**
 * Listed codes close to what was typed (one of its first five digits wrong, or only its check
 * digit), nearest first, at most `limit`: the suggestion an error about an unknown code gives.
 */
export function nearMunicipalityCodes(text: string, limit = 3): KnownMunicipality[] {
  const digits = toHalfWidth(text).trim();
  if (!/^\d{5,6}$/.test(digits)) return [];
  const first5 = digits.slice(0, 5);
  const distance = (code: string) => {
    let d = 0;
    for (let i = 0; i < 5; i++) if (code[i] !== first5[i]) d++;
    return d;
  };
  return KNOWN_MUNICIPALITIES.map((m) => ({ m, d: distance(m.code) }))
    .filter((x) => x.d <= 1)
    .sort((a, b) => a.d - b.d || a.m.code.localeCompare(b.m.code))
    .slice(0, limit)
    .map((x) => x.m);
}

/** Why a code (and the name given with it) cannot be taken, as a message key and its params. */
export interface MunicipalityProblem {
  key:
    | 'municipality.invalid-code'
    | 'municipality.unknown-code'
    | 'municipality.unknown-code-near'
    | 'municipality.name-mismatch';
  params: Record<string, string>;
}

export type MunicipalityCheck =
  | { ok: true; municipality: KnownMunicipality }
  | { ok: false; problem: MunicipalityProblem };

/**
 * Checks a code, and the name given with it if any, against the list: an invalid code, an
 * unlisted one (with near codes as suggestions) and a name that names another body are refused.
 */
export function checkMunicipality(code: string, name?: string | null): MunicipalityCheck {
  const parsed = parseMunicipalityCode(code);
  if (parsed === null) {
    return { ok: false, problem: { key: 'municipality.invalid-code', params: { code } } };
  }
  const found = byCode.get(parsed);
  if (!found) {
    const near = nearMunicipalityCodes(parsed)
      .map((m) => `${m.code} ${m.name}`)
      .join('、');
    const key = near === '' ? 'municipality.unknown-code' : 'municipality.unknown-code-near';
    return { ok: false, problem: { key, params: { code: parsed, near } } };
  }
  if (
    name !== undefined &&
    name !== null &&
    nameKey(name) !== '' &&
    !namesMunicipality(found, name)
  ) {
    return {
      ok: false,
      problem: {
        key: 'municipality.name-mismatch',
        params: { code: parsed, expected: found.name, given: name },
      },
    };
  }
  return { ok: true, municipality: found };
}
