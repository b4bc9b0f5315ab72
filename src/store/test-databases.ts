import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from './database.ts';

/**
 * Test support: a fresh, empty database per test file for each dialect, so one suite runs on
 * SQLite and PostgreSQL alike (Kysely's own tests loop `for (const dialect of DIALECTS)`).
 * PostgreSQL comes from DATABASE_URL (CI sets it); each file gets its own schema in it, so test
 * files can run in parallel. Where PostgreSQL is missing its tests are skipped with a message,
 * unless SOUSEI_REQUIRE_ALL=1 (CI), where that is a failure.
 */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export function postgresBaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//i.test(url) ? url : undefined;
}

export const requireAll = process.env.SOUSEI_REQUIRE_ALL === '1';

let warned = false;
export function dialectAvailable(dialect: DialectName): boolean {
  if (dialect === 'sqlite' || postgresBaseUrl()) return true;
  if (requireAll) {
    throw new Error('SOUSEI_REQUIRE_ALL=1 but DATABASE_URL names no PostgreSQL database');
  }
  if (!warned) {
    warned = true;
    console.warn('PostgreSQL tests skipped: set DATABASE_URL=postgres://… to run them.');
  }
  return false;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sousei-test-'));
    return {
      url: `sqlite:${join(dir, 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = postgresBaseUrl();
  if (!base) throw new Error('no PostgreSQL database: set DATABASE_URL');
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(base);
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    url: `${base}${base.includes('?') ? '&' : '?'}options=${options}`,
    drop: async () => {
      const c = new pg.Client(base);
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
