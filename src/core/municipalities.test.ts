import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  checkMunicipality,
  findMunicipality,
  KNOWN_MUNICIPALITIES,
  nearMunicipalityCodes,
} from './municipalities.ts';
import { MUNICIPALITY_ROWS, PREFECTURE_ROWS } from './municipalities-data.ts';
import { isPrefectureCode, isValidMunicipalityCode } from './municipality-code.ts';

const csv = (name: string): Record<string, string>[] =>
  parse(
    readFileSync(
      fileURLToPath(new URL(`../../data/municipalities/${name}`, import.meta.url)),
      'utf8',
    ),
    { columns: true, bom: true },
  );

describe('the 全国地方公共団体コード list', () => {
  it('holds 1,741 municipalities, 175 wards and 47 prefectures', () => {
    const count = (kind: string) => KNOWN_MUNICIPALITIES.filter((m) => m.kind === kind).length;
    expect(count('municipality')).toBe(1741);
    expect(count('ward')).toBe(175);
    expect(count('prefecture')).toBe(47);
    expect(new Set(KNOWN_MUNICIPALITIES.map((m) => m.code)).size).toBe(1741 + 175 + 47);
  });

  it('has a valid check digit on every code, prefectures with municipality part 000', () => {
    const invalid = KNOWN_MUNICIPALITIES.filter((m) => !isValidMunicipalityCode(m.code));
    expect(invalid).toEqual([]);
    const prefectures = KNOWN_MUNICIPALITIES.filter((m) => m.kind === 'prefecture');
    expect(prefectures.every((p) => isPrefectureCode(p.code))).toBe(true);
  });

  it('knows well-known codes with name, kana and prefecture', () => {
    expect(findMunicipality('012050')).toEqual({
      code: '012050',
      name: '室蘭市',
      kana: 'むろらんし',
      prefecture: '北海道',
      kind: 'municipality',
    });
    expect(findMunicipality('131016')?.name).toBe('千代田区');
    expect(findMunicipality('131016')?.kind).toBe('municipality');
    expect(findMunicipality('011011')).toMatchObject({ name: '札幌市中央区', kind: 'ward' });
    expect(findMunicipality('130001')).toMatchObject({ name: '東京都', kind: 'prefecture' });
    // Full-width digits and the five-digit form of statistics tables.
    expect(findMunicipality('０１２０５０')?.name).toBe('室蘭市');
    expect(findMunicipality('01205')?.name).toBe('室蘭市');
    expect(findMunicipality('012051')).toBeNull();
  });

  it('is the generated module of the CSV files (run scripts/generate-municipalities.ts)', () => {
    const rows = csv('municipalities.csv').map((r) => [
      r.lgcode,
      r.city,
      r.citykana,
      r.kind === 'ward' ? 1 : 0,
    ]);
    expect(MUNICIPALITY_ROWS).toEqual(rows);
    const prefectures = csv('prefectures.csv').map((r) => [r.lgcode, r.pref, r.prefkana]);
    expect(PREFECTURE_ROWS).toEqual(prefectures);
  });
});

describe('checkMunicipality', () => {
  it('takes a listed code with its name, written with spaces, width or prefecture', () => {
    for (const name of [undefined, '室蘭市', ' 室蘭市 ', '北海道室蘭市', '']) {
      expect(checkMunicipality('012050', name)).toMatchObject({
        ok: true,
        municipality: { name: '室蘭市' },
      });
    }
    expect(checkMunicipality('011011', '札幌市 中央区').ok).toBe(true);
  });

  it('refuses a name that names another body, naming both', () => {
    expect(checkMunicipality('012050', '登別市')).toEqual({
      ok: false,
      problem: {
        key: 'municipality.name-mismatch',
        params: { code: '012050', expected: '室蘭市', given: '登別市' },
      },
    });
  });

  it('refuses an unlisted code with near listed codes, and an invalid one', () => {
    // 01299 is unassigned; 01209 (夕張市) differs from it in one digit.
    const unknown = checkMunicipality('012998');
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.problem.key).toBe('municipality.unknown-code-near');
    expect(unknown.problem.params.near).toContain('012092 夕張市');
    expect(checkMunicipality('012051')).toEqual({
      ok: false,
      problem: { key: 'municipality.invalid-code', params: { code: '012051' } },
    });
  });

  it('suggests the code with the right check digit first', () => {
    expect(nearMunicipalityCodes('012051')[0]?.code).toBe('012050');
    expect(nearMunicipalityCodes('abc')).toEqual([]);
  });
});
