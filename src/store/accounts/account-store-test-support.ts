import type { Role } from '../../core/permissions.ts';
import type { Store } from '../store.ts';

export const NOW = '2026-11-30T00:00:00.000Z';
export const LATER = '2026-11-30T01:00:00.000Z';

/** Adds an account of `code` (the municipality registered when new); returns its id. */
export async function addAccount(
  store: Store,
  code: string,
  email: string,
  role: Role = 'editor',
  departmentIds: number[] = [],
): Promise<number> {
  await store.municipalities.ensure({ code, name: `団体${code}` }, NOW);
  return store.users.create({
    municipalityCode: code,
    email,
    name: email,
    role,
    passwordHash: `hash-of-${email}`,
    departmentIds,
    createdAt: NOW,
  });
}
