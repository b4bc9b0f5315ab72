import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Store tests share one PostgreSQL database per run; files run in parallel but each
    // test uses its own municipality code, so they never see each other's rows.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
