import type { Kysely } from 'kysely';
import { serialType } from '../database.ts';

/**
 * API tokens for scripts (issue #5): one per name and user, revocable. Only the SHA-256 of the
 * secret is stored, so a copy of the database yields no usable token.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', serialType(db), (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
  await db.schema
    .createIndex('api_tokens_municipality')
    .on('api_tokens')
    .column('municipality_code')
    .execute();
}
