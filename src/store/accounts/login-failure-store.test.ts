import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { LATER, NOW } from './account-store-test-support.ts';

describeEachDialect('login failure store', (store) => {
  it('counts failures per key after a time and clears one key', async () => {
    const failures = store().loginFailures;
    await failures.record(['email:a@example', 'ip:10.0.0.1'], NOW);
    await failures.record(['email:a@example', 'ip:10.0.0.1'], LATER);
    await failures.record(['email:b@example', 'ip:10.0.0.1'], LATER);
    expect(await failures.count('email:a@example', '2026-01-01T00:00:00.000Z')).toBe(2);
    expect(await failures.count('email:a@example', NOW)).toBe(1);
    expect(await failures.count('ip:10.0.0.1', '2026-01-01T00:00:00.000Z')).toBe(3);
    await failures.clear('email:a@example');
    expect(await failures.count('email:a@example', '2026-01-01T00:00:00.000Z')).toBe(0);
    expect(await failures.count('email:b@example', '2026-01-01T00:00:00.000Z')).toBe(1);
  });
});
