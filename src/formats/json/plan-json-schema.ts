import { z } from 'zod';
import {
  ActivitySchema,
  ConventionsSchema,
  DirectionSchema,
  EntrySchema,
  FinanceSchema,
  GoalSchema,
  MeasureSchema,
  MetricSchema,
  NodeSchema,
  PlanDocumentSchema,
  ProjectSchema,
} from './plan-document-schema.ts';

/**
 * The JSON Schema (draft 2020-12) of the published plan document, built from the zod schemas.
 * scripts/generate-json-schema.ts writes it to docs/plan.schema.json; a test checks that the
 * committed file still equals it.
 *
 * It describes documents as Sousei writes them (zod's output side): fields that have a default
 * are listed as required, since an export always writes them, and carry that `default`, which is
 * what Sousei's reader assumes when a hand-made document leaves them out.
 */

/** Object schemas that get a name under `$defs` instead of being written inline. */
const DEFINITIONS: ReadonlyMap<z.core.$ZodType, string> = new Map<z.core.$ZodType, string>([
  [ConventionsSchema, 'Conventions'],
  [GoalSchema, 'Goal'],
  [DirectionSchema, 'Direction'],
  [MeasureSchema, 'Measure'],
  [NodeSchema, 'Node'],
  [ProjectSchema, 'Project'],
  [FinanceSchema, 'Finance'],
  [ActivitySchema, 'Activity'],
  [EntrySchema, 'Entry'],
  [MetricSchema, 'Metric'],
]);

/**
 * The global registry (where `.describe()` puts descriptions) with a `$defs` name added for the
 * schemas above, so the plan document schemas themselves need no `id`.
 */
class NamedDefinitions extends z.core.$ZodRegistry<z.core.GlobalMeta> {
  override get<S extends z.core.$ZodType>(schema: S) {
    const meta = z.globalRegistry.get(schema);
    const id = DEFINITIONS.get(schema);
    return id === undefined ? meta : { ...meta, id };
  }
}

export const PLAN_JSON_SCHEMA_ID = 'plan.schema.json';

export function planJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(PlanDocumentSchema, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: new NamedDefinitions(),
  });
  return {
    $schema,
    $id: PLAN_JSON_SCHEMA_ID,
    title: 'Sousei plan document, version 1 / Sousei 計画データ（第1版）',
    description:
      "A municipality's plan (such as its まち・ひと・しごと創生総合戦略) with the progress of its " +
      'projects: budgets, settlements, activities and their results, published as open data for ' +
      '効果検証. Explained field by field in json-format.md. / 自治体の計画（まち・ひと・しごと創生' +
      '総合戦略など）と、その事業の進捗（予算・決算・取組とその結果）を、効果検証のためのオープンデータ' +
      'として公開する形式。各項目の説明は json-format.md を参照。',
    $comment:
      'Generated from src/formats/json/plan-document-schema.ts by scripts/generate-json-schema.ts; do not edit by hand.',
    ...body,
  };
}
