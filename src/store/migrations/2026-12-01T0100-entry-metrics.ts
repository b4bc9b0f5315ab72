import type { Kysely } from 'kysely';

/**
 * Results become data (issue 12): the figures read out of each entry's words, one row each, and
 * per entry the words they were read from with what the entry says happened (中止, 延期, 実施なし).
 * The read text (and the reader's version) lets every save find the entries whose words (or
 * reader) changed without re-reading them all; a figure a person confirmed or corrected carries who and when, and re-reading keeps it.
 * Values are stored as text: a figure like 12.5 must come back exactly, on both databases.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entry_readings')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('activity_entries.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('arrow', 'text', (c) => c.notNull())
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addPrimaryKeyConstraint('entry_readings_pk', ['municipality_code', 'entry_id'])
    .execute();
  await db.schema
    .createTable('entry_metrics')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('activity_entries.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('part_of', 'text')
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approximate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('up_to', 'text')
    .addColumn('target', 'text')
    .addColumn('as_of', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addPrimaryKeyConstraint('entry_metrics_pk', ['municipality_code', 'entry_id', 'position'])
    .execute();
  // Entries are found by id alone when their activity is deleted (the cascade).
  await db.schema
    .createIndex('entry_metrics_entry')
    .on('entry_metrics')
    .column('entry_id')
    .execute();
  await db.schema
    .createIndex('entry_readings_entry')
    .on('entry_readings')
    .column('entry_id')
    .execute();
}
