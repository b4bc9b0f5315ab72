import { describe, expect, it } from 'vitest';
import { useTestContext } from './app-test-support.ts';
import { createUser } from './auth/users.ts';
import { generateMunicipality } from './generate/generate-municipality.ts';
import { planDocumentText } from './generate/write-generated-set.ts';
import { importPlan } from './import-plan.ts';
import { resolvePlan } from './resolve-plan.ts';

const MURORAN = { code: '012050', name: '室蘭市' };

describe('municipality codes and names entering the app', () => {
  const ctx = useTestContext();
  const document = (municipality: { code: string; name: string }) =>
    new TextEncoder().encode(planDocumentText(generateMunicipality(municipality, 1)));

  it('names a new municipality from the list: no name needed', async () => {
    const outcome = await importPlan(ctx(), {
      bytes: document(MURORAN),
      fileName: 'a.json',
      municipalityCode: '131016',
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.written).toBe(true);
    expect(await ctx().store.municipalities.find('131016')).toEqual({
      code: '131016',
      name: '千代田区',
    });
  });

  it('refuses a given name that is not the code’s, naming both', async () => {
    await expect(
      importPlan(ctx(), {
        bytes: document(MURORAN),
        fileName: 'a.json',
        municipalityCode: '012050',
        municipalityName: '登別市',
      }),
    ).rejects.toMatchObject({
      code: 'usage',
      messageKey: 'municipality.name-mismatch',
      params: { code: '012050', expected: '室蘭市', given: '登別市' },
    });
  });

  it('reports a file whose municipality name disagrees with its code, writing nothing', async () => {
    const outcome = await importPlan(ctx(), {
      bytes: document({ code: '012301', name: '室蘭市' }),
      fileName: 'b.json',
    });
    expect(outcome.written).toBe(false);
    expect(outcome.findings).toEqual([
      {
        severity: 'error',
        code: 'municipality.name-mismatch',
        location: { file: 'b.json' },
        params: { code: '012301', expected: '登別市', given: '室蘭市' },
      },
    ]);
    expect(await ctx().store.municipalities.find('012301')).toBeUndefined();
  });

  it('refuses an unlisted code with the near listed ones', async () => {
    await expect(
      importPlan(ctx(), {
        bytes: document(MURORAN),
        fileName: 'c.json',
        municipalityCode: '012998',
      }),
    ).rejects.toMatchObject({
      messageKey: 'municipality.unknown-code-near',
      params: { code: '012998' },
    });
  });

  it('adds a user of a new municipality without its name, refuses a wrong one', async () => {
    const user = { email: 'a@city.example', role: 'admin', password: 'a-long-enough-password' };
    await createUser(ctx(), { ...user, municipalityCode: '272051' });
    expect((await ctx().store.municipalities.find('272051'))?.name).toBe('吹田市');
    await expect(
      createUser(ctx(), {
        ...user,
        email: 'b@city.example',
        municipalityCode: '272035',
        municipalityName: '吹田市',
      }),
    ).rejects.toMatchObject({ messageKey: 'municipality.name-mismatch' });
    expect(await ctx().store.municipalities.find('272035')).toBeUndefined();
  });

  it('says a command’s unlisted code is not in the list, with near codes, before "no plan"', async () => {
    // `sousei show`, `export` and `kpi import` find their plan here.
    await expect(resolvePlan(ctx(), { municipalityCode: '012998' })).rejects.toMatchObject({
      code: 'not-found',
      messageKey: 'municipality.unknown-code-near',
      params: { code: '012998', near: '012092 夕張市、012190 紋別市、012297 富良野市' },
    });
    await expect(resolvePlan(ctx(), { municipalityCode: '012999' })).rejects.toMatchObject({
      messageKey: 'municipality.invalid-code',
    });
    // A listed code without a plan: no plan, as before.
    await expect(resolvePlan(ctx(), { municipalityCode: '012050' })).rejects.toMatchObject({
      code: 'not-found',
      messageKey: 'plan.not-found',
    });
  });
});
