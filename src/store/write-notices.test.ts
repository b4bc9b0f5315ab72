import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from './raw-database.ts';
import { openStore, type Store } from './store.ts';
import { createTestDatabase, dialectAvailable, type TestDatabase } from './test-databases.ts';
import { insertTestPlan } from './test-plan.ts';
import { noticedTables, WRITE_NOTICE_TABLES } from './write-notice-tables.ts';
import { tablesWithWriteNotice } from './write-notice-triggers.ts';
import {
  dropWriteNotice,
  eventually,
  listenerBackends,
  listenerOf,
  listening,
  schemaTables,
  terminateListener,
} from './write-notices-test-support.ts';

const NOW = '2026-12-01T03:00:00.000Z';

/**
 * PostgreSQL's write marks (write-notices.ts): two stores on one database stand for two
 * processes. `serving` caches, `writing` writes behind its back. SQLite's marks are tested in
 * reads/content-version.test.ts.
 */
describe.skipIf(!dialectAvailable('postgres'))('write notices (postgres)', () => {
  let database: TestDatabase | undefined;
  let serving: Store;
  let writing: Store;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    serving = openStore(database.url);
    writing = openStore(database.url);
    const result = await serving.migrate();
    if (result.error) throw result.error;
  });
  afterAll(async () => {
    await serving?.close();
    await writing?.close();
    await database?.drop();
  });

  /** A plan of its own municipality, its version read once by `serving`. */
  async function plan(code: string) {
    const { planId } = await insertTestPlan(writing, code, { now: NOW, projects: ['1'] });
    const version = async () => (await serving.contentVersions.ofPlan(planId))?.version;
    const publish = (fiscalYear: number) =>
      writing.years.setUp({
        municipalityCode: code,
        planId,
        fiscalYear,
        status: 'published',
        at: NOW,
      });
    return { planId, version, publish };
  }

  it('announces the writes of every table of the schema but the exempt ones', async () => {
    const tables = await schemaTables(serving);
    // A table of the schema missing from the list fails here (and does not type-check).
    expect(tables.filter((t) => !(t in WRITE_NOTICE_TABLES))).toEqual([]);
    expect(await tablesWithWriteNotice(databaseOf(serving))).toEqual(
      noticedTables()
        .filter((t) => tables.includes(t))
        .sort(),
    );
    expect(noticedTables()).not.toContain('login_failures');
  });

  it('has no marks while a noticed table lacks its trigger, which the next start gives back', async () => {
    const notices = await listening(serving);
    const mark = notices.mark();
    await dropWriteNotice(writing, 'plans');
    expect(await tablesWithWriteNotice(databaseOf(writing))).not.toContain('plans');
    // Writes to plans would go unannounced: no marks, every request reads.
    expect(await notices.verify()).toBe(false);
    expect(notices.mark()).toBeUndefined();
    expect(await serving.contentVersions.writeMark()).toBeUndefined();
    const result = await writing.migrate();
    expect(result.error).toBeUndefined();
    expect(await tablesWithWriteNotice(databaseOf(writing))).toContain('plans');
    expect(await notices.verify()).toBe(true);
    expect(notices.mark()).toBeDefined();
    expect(notices.mark()).not.toEqual(mark);
  });

  it("moves the strict mark as soon as another process's commit has returned, not for a rollback", async () => {
    await insertTestPlan(writing, '012051', { now: NOW, projects: ['1'] });
    await listening(serving);
    for (let i = 0; i < 20; i++) {
      const mark = await serving.contentVersions.writeMark();
      expect(mark).toBeDefined();
      await writing.departments.ensure('012051', `部${i}`);
      expect(await serving.contentVersions.writeMark(), `write ${i}`).not.toEqual(mark);
    }
    const mark = await serving.contentVersions.writeMark();
    const rolledBack = writing.transaction(async (tx) => {
      await tx.departments.ensure('012051', '取り消される部');
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(await serving.contentVersions.writeMark()).toEqual(mark);
  });

  it('is not moved by reads, so cached versions are not read again', async () => {
    const { version } = await plan('012052');
    const notices = await listening(serving);
    await version();
    const mark = notices.mark();
    await version();
    await serving.contentVersions.writeMark();
    await serving.plans.list('012052');
    expect(notices.mark()).toEqual(mark);
  });

  it("shows this process's own writes at once, without waiting for their notice", async () => {
    const { planId } = await insertTestPlan(serving, '012053', { now: NOW, projects: ['1'] });
    await listening(serving);
    const before = await serving.contentVersions.ofPlan(planId);
    expect(await serving.contentVersions.ofPlan(planId)).toEqual(before);
    await serving.years.setUp({
      municipalityCode: '012053',
      planId,
      fiscalYear: 2020,
      status: 'published',
      at: NOW,
    });
    expect(await serving.contentVersions.ofPlan(planId)).not.toEqual(before);
  });

  it("shows another process's commit to the public's cache once its notice has arrived", async () => {
    const { version, publish } = await plan('012054');
    await listening(serving);
    const before = await version();
    expect(await version()).toEqual(before);
    await publish(2020);
    expect(await eventually(async () => (await version()) !== before)).toBe(true);
  });

  it("counts another process's commit for the next read after a catch-up (API clients)", async () => {
    const { version, publish } = await plan('012056');
    await listening(serving);
    for (let fiscalYear = 2020; fiscalYear <= 2024; fiscalYear++) {
      const before = await version();
      await publish(fiscalYear);
      await serving.contentVersions.catchUp();
      expect(await version(), `${fiscalYear}`).not.toEqual(before);
    }
  });

  it('reads the database while the listener is lost, and reads afresh once it is back', async () => {
    const { version, publish } = await plan('012055');
    const notices = await listening(serving);
    const before = await version();
    const mark = notices.mark();
    await terminateListener(serving, writing);
    expect(await eventually(() => !notices.listening)).toBe(true);
    expect(notices.mark()).toBeUndefined();
    expect(await serving.contentVersions.writeMark()).toBeUndefined();
    // Written while nobody listens for this process: its notice is lost.
    await publish(2020);
    const after = await version();
    expect(after).not.toEqual(before);
    expect(await eventually(() => notices.listening)).toBe(true);
    expect(notices.mark()).not.toEqual(mark);
    expect(await version()).toEqual(after);
  });

  it('has no marks while the listener cannot connect, and closes all the same', async () => {
    const noDatabase = new URL(database?.url ?? '');
    noDatabase.pathname = '/sousei_no_such_database';
    // pg refuses this one before connecting (a port out of range): not a crash either.
    for (const url of [noDatabase.toString(), 'postgres://127.0.0.1:99999999/sousei']) {
      const nowhere = openStore(url);
      try {
        const notices = listenerOf(nowhere);
        expect(notices.mark()).toBeUndefined();
        // A few failed attempts (0.1 s, then 0.2 s): still no marks, nothing thrown.
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(notices.listening).toBe(false);
        expect(await nowhere.contentVersions.writeMark()).toBeUndefined();
      } finally {
        await nowhere.close();
      }
    }
  });

  it('ends the listener with the store', async () => {
    const third = openStore(database?.url);
    await listening(third);
    expect(await listenerBackends(third, writing)).toHaveLength(1);
    await third.close();
    expect(
      await eventually(async () => (await listenerBackends(third, writing)).length === 0),
    ).toBe(true);
  });
});
