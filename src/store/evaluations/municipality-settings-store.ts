import type { Kysely } from 'kysely';
import { municipalityAggregatesStale } from '../aggregates/fresh-aggregates.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

/** A municipality's evaluation settings as stored: the scale's id, its thresholds, 今後の方針. */
export interface StoredSettings {
  scaleId: string;
  thresholds: (number | null)[] | null;
  policies: string[];
}

/** Evaluation settings per municipality: the only reader and writer of municipality_settings. */
export function municipalitySettingsStore(db: Kysely<DB>) {
  return {
    async find(code: string): Promise<StoredSettings | undefined> {
      const row = await db
        .selectFrom('municipality_settings')
        .selectAll()
        .where('municipality_code', '=', code)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        scaleId: row.scale_id,
        thresholds: row.thresholds ? (JSON.parse(row.thresholds) as (number | null)[]) : null,
        policies: JSON.parse(row.policies) as string[],
      };
    },

    async save(code: string, settings: StoredSettings, now: string): Promise<void> {
      const values = {
        scale_id: settings.scaleId,
        thresholds: settings.thresholds ? JSON.stringify(settings.thresholds) : null,
        policies: JSON.stringify(settings.policies),
        updated_at: now,
      };
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('municipality_settings')
          .values({ municipality_code: code, ...values })
          .onConflict((oc) => oc.column('municipality_code').doUpdateSet(values))
          .execute();
        // The scale and its bands place every published KPI of the municipality.
        await municipalityAggregatesStale(trx, code);
      });
    },
  };
}

export type MunicipalitySettingsStore = ReturnType<typeof municipalitySettingsStore>;
