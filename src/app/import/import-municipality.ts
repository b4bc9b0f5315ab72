import { SouseiError } from '../../core/errors.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import type { Municipality } from '../../core/plan.ts';
import type { AppContext } from '../app-context.ts';

/** The municipality an import writes to: a stored one keeps its name, a new one needs one. */
export async function importMunicipality(
  ctx: AppContext,
  input: { municipalityCode?: string; municipalityName?: string },
): Promise<Municipality> {
  if (input.municipalityCode === undefined) {
    throw new SouseiError('usage', 'municipality.required');
  }
  const code = parseMunicipalityCode(input.municipalityCode);
  if (code === null) {
    throw new SouseiError('usage', 'municipality.invalid-code', { code: input.municipalityCode });
  }
  const name = (await ctx.store.municipalities.find(code))?.name ?? input.municipalityName;
  if (!name) throw new SouseiError('usage', 'municipality.name-required', { code });
  return { code, name };
}
