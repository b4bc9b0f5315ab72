import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode } from './municipality-code.ts';
import { DESIGNATED_CITIES, municipalityKind } from './municipality-kind.ts';

describe('municipalityKind', () => {
  it('tells the kinds apart by code and name', () => {
    expect(municipalityKind('011002', '札幌市')).toBe('designated-city');
    expect(municipalityKind('271403', '堺市')).toBe('designated-city');
    expect(municipalityKind('012050', '室蘭市')).toBe('city');
    expect(municipalityKind('131016', '千代田区')).toBe('special-ward');
    expect(municipalityKind('131237', '江戸川区')).toBe('special-ward');
    expect(municipalityKind('133035', '瑞穂町')).toBe('town');
    expect(municipalityKind('133078', '檜原村')).toBe('village');
    expect(municipalityKind('130001', '東京都')).toBe('prefecture');
    expect(municipalityKind('012050', '市012050')).toBe('other');
  });

  it('lists the 20 designated cities by valid codes (a typo would make one a 市)', () => {
    expect(DESIGNATED_CITIES.size).toBe(20);
    for (const code of DESIGNATED_CITIES) expect(isValidMunicipalityCode(code), code).toBe(true);
  });
});
