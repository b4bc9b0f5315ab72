import { type ErrorCode, SouseiError } from '../core/errors.ts';
import { checkMunicipality, type KnownMunicipality } from '../core/municipalities.ts';

/**
 * The listed municipality of a code entering the app (CLI, import, account), its name from the
 * 全国地方公共団体コード list. A name given with the code must name the same body; an unlisted
 * code is refused with near codes as suggestions.
 */
export function knownMunicipality(
  code: string,
  name?: string | null,
  errorCode: ErrorCode = 'usage',
): KnownMunicipality {
  const checked = checkMunicipality(code, name);
  if (!checked.ok) throw new SouseiError(errorCode, checked.problem.key, checked.problem.params);
  return checked.municipality;
}
