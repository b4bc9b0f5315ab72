import type { Actor } from '../core/permissions.ts';

/**
 * The operator running a command (the CLI): reads every year of the municipality, as its
 * planning division does. Not a stored account (user id 0).
 */
export function operatorOf(municipalityCode: string): Actor {
  return { userId: 0, municipalityCode, role: 'admin', departmentIds: [] };
}
