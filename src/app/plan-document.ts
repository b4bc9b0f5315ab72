import { toPlanDocument } from '../formats/json/plan-document.ts';
import type { PlanDocument } from '../formats/json/plan-document-schema.ts';
import type { AppContext } from './app-context.ts';
import { planWithMetrics } from './metrics/plan-with-metrics.ts';
import type { PlanView } from './views/plan-view.ts';

/**
 * The open-data JSON document (docs/json-format.md) as the server and the CLI see it: built from
 * the plan as its reader may see it, and its zod schemas, which also describe the API (OpenAPI).
 * The server and the CLI reach file formats only through src/app.
 */
export {
  ActivitySchema,
  ConventionsSchema,
  DirectionSchema,
  EntrySchema,
  FinanceSchema,
  GoalSchema,
  MeasureSchema,
  MetricSchema,
  NodeSchema,
  type PlanDocument,
  PlanDocumentSchema,
  ProjectSchema,
} from '../formats/json/plan-document-schema.ts';

/**
 * The document of what this reader may see (the public: published years only), each result with
 * its figures and status.
 */
export async function planDocumentOf(ctx: AppContext, view: PlanView): Promise<PlanDocument> {
  return toPlanDocument(await planWithMetrics(ctx, view));
}
