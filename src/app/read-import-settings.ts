import { existsSync, readFileSync } from 'node:fs';
import { SouseiError } from '../core/errors.ts';
import { type ImportSettings, ImportSettingsSchema } from './import-settings.ts';

/** `tables/muroran.tsv` → `tables/muroran.settings.json`. */
export function settingsPathFor(file: string): string {
  return file.replace(/(\.[^./\\]+)?$/, '.settings.json');
}

/** Reads and validates an import settings file; an absent default file is no settings. */
export function readImportSettings(path: string, required: boolean): ImportSettings {
  if (!existsSync(path)) {
    if (required) throw new SouseiError('usage', 'file.not-found', { path });
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    throw new SouseiError('invalid-input', 'import.settings-invalid', { path, detail });
  }
  const parsed = ImportSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SouseiError('invalid-input', 'import.settings-invalid', { path, detail });
  }
  return parsed.data;
}
