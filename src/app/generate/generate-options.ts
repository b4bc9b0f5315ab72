import { SouseiError } from '../../core/errors.ts';
import { NATIONAL_BODIES } from './national-set.ts';

export interface GenerateOptions {
  seed: number;
  /** How many bodies, spread over the country; absent: all 1,788. */
  municipalities?: number;
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : null);

/** `--seed` and `--municipalities` as typed; refused with the value when not whole numbers. */
export function parseGenerateOptions(raw: {
  seed?: string;
  municipalities?: string;
}): GenerateOptions {
  const seed = wholeNumber(raw.seed ?? '1');
  if (seed === null || seed > 0xffffffff) {
    throw new SouseiError('usage', 'generate.invalid-seed', { value: raw.seed ?? '' });
  }
  if (raw.municipalities === undefined) return { seed };
  const count = wholeNumber(raw.municipalities);
  if (count === null || count < 1 || count > NATIONAL_BODIES.length) {
    throw new SouseiError('usage', 'generate.invalid-count', {
      value: raw.municipalities,
      max: NATIONAL_BODIES.length,
    });
  }
  return { seed, municipalities: count };
}
