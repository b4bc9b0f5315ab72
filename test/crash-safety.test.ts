import { describe, expect, it } from 'vitest';
import { crashTest } from '../scripts/crash-test.ts';

/**
 * The crash test's small version, so CI guards it (the full run is `npm run crash-test`): three
 * SIGKILLs at random points of an import of 480 projects into SQLite, each leaving a sound
 * database with the whole import or none of it.
 */
describe('crash safety of an import (SQLite, 3 kills)', () => {
  it('leaves the whole import or none of it, and a sound database', {
    timeout: 120_000,
  }, async () => {
    const summary = await crashTest({ dialect: 'sqlite', kills: 3, copies: 20, seed: 9 });
    expect(summary.failures).toEqual([]);
    expect(summary.kills).toBe(3);
    expect(summary.none + summary.whole).toBe(3);
  });
});
