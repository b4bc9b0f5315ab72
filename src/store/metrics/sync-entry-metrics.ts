import type { Insertable, Kysely } from 'kysely';
import { extractMetrics } from '../../core/figures/extract-metrics.ts';
import type { ExtractedFigures, ExtractOptions } from '../../core/figures/metric.ts';
import { chunksOf } from '../plans/chunks.ts';
import type { DB, EntryMetricTable, EntryReadingTable } from '../schema.ts';
import { metricRow } from './metric-rows.ts';
import { READER_VERSION } from './reader-version.ts';

type Arrow = NonNullable<ExtractOptions['arrow']>;

interface EntryWords {
  id: number;
  kind: string;
  text: string;
  arrow: Arrow;
  /** Whether a reading is stored already (its figures may hold confirmed ones). */
  read: boolean;
}

/**
 * Reads again the figures of every entry of a plan or a project whose words (or kind, the
 * plan's ⇒ convention, or the reader itself) changed since they were last read, inside the writer's transaction: every
 * writer of entries goes through here (save-plan, the year entry, restores), so stored figures
 * always match the words. Unchanged entries cost nothing but the one read; new and changed ones
 * are written in multi-row statements. A figure a person confirmed keeps its place and values.
 */
export async function syncEntryMetrics(
  trx: Kysely<DB>,
  code: string,
  scope: { planId: number } | { projectId: number },
): Promise<void> {
  const stale = await staleEntries(trx, code, scope);
  if (stale.length === 0) return;
  const readings: Insertable<EntryReadingTable>[] = [];
  const metrics: Insertable<EntryMetricTable>[] = [];
  const reread = stale.filter((e) => e.read).map((e) => e.id);
  const confirmed = await clearReadings(trx, code, reread);
  for (const e of stale) {
    const figures = readEntry(e);
    readings.push({
      municipality_code: code,
      entry_id: e.id,
      kind: e.kind,
      text: e.text,
      arrow: e.arrow,
      reader: READER_VERSION,
      status: figures.status,
    });
    const kept = confirmed.get(e.id);
    for (const [position, m] of figures.metrics.entries()) {
      if (!kept?.has(position)) metrics.push(metricRow(code, e.id, position, m, null));
    }
  }
  for (const chunk of chunksOf(readings)) {
    await trx.insertInto('entry_readings').values(chunk).execute();
  }
  for (const chunk of chunksOf(metrics)) {
    await trx.insertInto('entry_metrics').values(chunk).execute();
  }
}

/** Results are read; a revision's numbers are new targets, not what happened. */
function readEntry(e: EntryWords): ExtractedFigures {
  if (e.kind !== 'result') return { metrics: [], status: null };
  return extractMetrics(e.text, { arrow: e.arrow });
}

async function staleEntries(
  trx: Kysely<DB>,
  code: string,
  scope: { planId: number } | { projectId: number },
): Promise<EntryWords[]> {
  const rows = await trx
    .selectFrom('activity_entries as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .innerJoin('plans as l', 'l.id', 'p.plan_id')
    .leftJoin('entry_readings as r', (j) =>
      j.onRef('r.entry_id', '=', 'e.id').onRef('r.municipality_code', '=', 'e.municipality_code'),
    )
    .select(['e.id', 'e.kind', 'e.text', 'l.conventions'])
    .select(['r.kind as read_kind', 'r.text as read_text', 'r.arrow as read_arrow'])
    .select('r.reader as read_by')
    .where('e.municipality_code', '=', code)
    .$if('planId' in scope, (q) => q.where('p.plan_id', '=', 'planId' in scope ? scope.planId : 0))
    .$if('projectId' in scope, (q) =>
      q.where('a.project_id', '=', 'projectId' in scope ? scope.projectId : 0),
    )
    .execute();
  const arrows = new Map<string, Arrow>();
  const arrowOf = (conventions: string): Arrow => {
    let arrow = arrows.get(conventions);
    if (arrow === undefined) {
      arrow = JSON.parse(conventions)?.arrow === 'target-actual' ? 'target-actual' : 'revision';
      arrows.set(conventions, arrow);
    }
    return arrow;
  };
  return rows.flatMap((r) => {
    const arrow = arrowOf(r.conventions);
    const same =
      r.read_text === r.text &&
      r.read_kind === r.kind &&
      r.read_arrow === arrow &&
      r.read_by === READER_VERSION;
    return same
      ? []
      : [{ id: r.id, kind: r.kind, text: r.text, arrow, read: r.read_text !== null }];
  });
}

/**
 * Removes the stored readings of entries read again and their unconfirmed figures; returns the
 * confirmed figures that stay, by entry and position.
 */
async function clearReadings(
  trx: Kysely<DB>,
  code: string,
  entryIds: readonly number[],
): Promise<Map<number, Set<number>>> {
  const kept = new Map<number, Set<number>>();
  for (const ids of chunksOf(entryIds)) {
    const confirmed = await trx
      .selectFrom('entry_metrics')
      .select(['entry_id', 'position'])
      .where('municipality_code', '=', code)
      .where('entry_id', 'in', ids)
      .where('confirmed_at', 'is not', null)
      .execute();
    for (const row of confirmed) {
      const byPosition = kept.get(row.entry_id) ?? new Set<number>();
      byPosition.add(row.position);
      kept.set(row.entry_id, byPosition);
    }
    await trx
      .deleteFrom('entry_metrics')
      .where('municipality_code', '=', code)
      .where('entry_id', 'in', ids)
      .where('confirmed_at', 'is', null)
      .execute();
    await trx
      .deleteFrom('entry_readings')
      .where('municipality_code', '=', code)
      .where('entry_id', 'in', ids)
      .execute();
  }
  return kept;
}
