import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import { checkMunicipality } from '../../core/municipalities.ts';
import type { Municipality } from '../../core/plan.ts';
import { knownMunicipality } from '../known-municipality.ts';

/**
 * The municipality an import writes to, named by its code: its name comes from the list, and a
 * name given with the code must agree with it.
 */
export function importMunicipality(input: {
  municipalityCode?: string;
  municipalityName?: string;
}): Municipality {
  if (input.municipalityCode === undefined) {
    throw new SouseiError('usage', 'municipality.required');
  }
  const { code, name } = knownMunicipality(input.municipalityCode, input.municipalityName);
  return { code, name };
}

/**
 * The municipality a file names about itself (JSON document, our exports' metadata, plan.csv):
 * an unlisted code, or a name that is not the code's, is an error naming both.
 */
export function fileMunicipalityFindings(municipality: Municipality, file: string): Finding[] {
  const checked = checkMunicipality(municipality.code, municipality.name);
  if (checked.ok) return [];
  return [
    {
      severity: 'error',
      code: checked.problem.key,
      location: { file },
      params: checked.problem.params,
    },
  ];
}
