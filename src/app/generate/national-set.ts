import { KNOWN_MUNICIPALITIES, type KnownMunicipality } from '../../core/municipalities.ts';
import { generateMunicipality } from './generate-municipality.ts';
import type { GeneratedMunicipality } from './generated-municipality.ts';

/**
 * The bodies a national set covers: every municipality (1,741) and prefecture (47) of the list,
 * in code order; the designated cities' wards have no strategy of their own.
 */
export const NATIONAL_BODIES: readonly KnownMunicipality[] = KNOWN_MUNICIPALITIES.filter(
  (m) => m.kind !== 'ward',
);

/**
 * `count` bodies spread evenly over the list (all of them when count is absent or larger), so a
 * small set still spans the country rather than one prefecture.
 */
export function nationalSelection(count?: number): KnownMunicipality[] {
  const total = NATIONAL_BODIES.length;
  if (count === undefined || count >= total) return [...NATIONAL_BODIES];
  return Array.from(
    { length: count },
    (_, i) => NATIONAL_BODIES[Math.floor((i * total) / count)] as KnownMunicipality,
  );
}

/** The national data set, one municipality at a time (a whole set does not fit comfortably). */
export function* generateNationalSet(options: {
  seed: number;
  municipalities?: number;
}): Generator<GeneratedMunicipality> {
  for (const m of nationalSelection(options.municipalities)) {
    yield generateMunicipality(m, options.seed);
  }
}
