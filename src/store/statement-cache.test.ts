// biome-ignore lint/style/noRestrictedImports: this tests the wrapper around better-sqlite3 itself.
import SQLite from 'better-sqlite3';
// biome-ignore lint/style/noRestrictedImports: and that kysely runs correctly on it.
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache.ts';

// SQLite only: PostgreSQL has no statement cache of ours (pg prepares nothing unnamed).
describe('cacheStatements', () => {
  const opened: SQLite.Database[] = [];
  const open = () => {
    const database = new SQLite(':memory:');
    opened.push(database);
    database.exec('create table t (id integer primary key, name text)');
    database.exec("insert into t (name) values ('a'), ('b'), ('c')");
    return database;
  };
  afterEach(() => {
    for (const d of opened.splice(0)) if (d.open) d.close();
  });

  it('hands out one statement per SQL text, with each call’s own parameters', () => {
    const cache = cacheStatements(open());
    const text = 'select name from t where id = ?';
    const first = cache.prepare(text);
    expect(cache.prepare(text)).toBe(first);
    expect(cache.prepare(text).all([1])).toEqual([{ name: 'a' }]);
    expect(cache.prepare(text).all([3])).toEqual([{ name: 'c' }]);
    expect(cache.size).toBe(1);
  });

  it('keeps at most max statements, dropping the least recently used', () => {
    const cache = cacheStatements(open(), 2);
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a); // now 'select 2' is the oldest
    cache.prepare('select 3');
    expect(cache.size).toBe(2);
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
  });

  it('gives a statement still iterating to no one else', () => {
    const cache = cacheStatements(open());
    const text = 'select name from t order by id';
    const iterator = cache.prepare(text).iterate([]);
    expect(iterator.next().value).toEqual({ name: 'a' });
    expect(cache.prepare(text).all([])).toHaveLength(3);
    expect([...iterator]).toEqual([{ name: 'b' }, { name: 'c' }]);
  });

  it('forgets every statement when the schema changes', () => {
    const cache = cacheStatements(open());
    const before = cache.prepare('select * from t where id = ?');
    cache.prepare('alter table t add column extra integer').run([]);
    const after = cache.prepare('select * from t where id = ?');
    expect(after).not.toBe(before);
    expect(after.all([1])).toEqual([{ id: 1, name: 'a', extra: null }]);
  });

  it('serves kysely: writes, reads, transactions and streams stay correct', async () => {
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({
      dialect: new SqliteDialect({ database: cacheStatements(open()) }),
    });
    for (const name of ['d', 'e']) await db.insertInto('t').values({ name }).execute();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('t').set({ name: 'z' }).where('id', '=', 1).execute();
    });
    const byId = (id: number) =>
      db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ name: 'z' });
    expect(await byId(5)).toEqual({ name: 'e' });
    const streamed: string[] = [];
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) {
      streamed.push(row.name);
    }
    expect(streamed).toEqual(['z', 'b', 'c', 'd', 'e']);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(rows).toEqual([{ n: 5 }]);
    await db.destroy();
  });
});
