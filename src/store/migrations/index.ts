import type { Migration } from 'kysely';
import * as plans from './2026-11-25T1000-plans.ts';
import * as accounts from './2026-11-25T1100-accounts-workflow.ts';
import * as kpis from './2026-11-25T1200-kpis-evaluations.ts';
import * as apiTokens from './2026-11-25T1300-api-tokens.ts';
import * as introducedIn from './2026-11-30T1300-introduced-in.ts';
import * as mappingV2 from './2026-11-30T1700-mapping-v2.ts';
import * as tagsFinanceDetails from './2026-11-30T1800-tags-finance-details.ts';
import * as publishedAggregates from './2026-11-30T2100-published-aggregates.ts';
import * as municipalityFirstKeys from './2026-11-30T2200-municipality-first-keys.ts';
import * as entryMetrics from './2026-12-01T0100-entry-metrics.ts';
import * as analyses from './2026-12-01T0200-analyses.ts';
import * as writeNotices from './2026-12-01T0300-write-notices.ts';
import * as recomputeAggregates from './2026-12-01T0400-recompute-published-aggregates.ts';

/**
 * Append-only, timestamped migrations: never edit or reorder one that has shipped; add a new
 * file and list it last. Listed statically (not read from the folder) so they work the same
 * under tsx, in tests and in a bundle.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25T1000-plans': plans,
  '2026-11-25T1100-accounts-workflow': accounts,
  '2026-11-25T1200-kpis-evaluations': kpis,
  '2026-11-25T1300-api-tokens': apiTokens,
  '2026-11-30T1300-introduced-in': introducedIn,
  '2026-11-30T1700-mapping-v2': mappingV2,
  '2026-11-30T1800-tags-finance-details': tagsFinanceDetails,
  '2026-11-30T2100-published-aggregates': publishedAggregates,
  '2026-11-30T2200-municipality-first-keys': municipalityFirstKeys,
  '2026-12-01T0100-entry-metrics': entryMetrics,
  '2026-12-01T0200-analyses': analyses,
  '2026-12-01T0300-write-notices': writeNotices,
  '2026-12-01T0400-recompute-published-aggregates': recomputeAggregates,
};
