import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { fromPlanDocument, toPlanDocument } from './plan-document.ts';
import { planJsonSchema } from './plan-json-schema.ts';

const SCHEMA_FILE = new URL('../../../docs/plan.schema.json', import.meta.url);
const FORMAT_PAGE = new URL('../../../docs/json-format.md', import.meta.url);
const REGENERATE = 'run `npx tsx scripts/generate-json-schema.ts` and commit docs/plan.schema.json';

/** Every name listed under `properties` anywhere in a JSON Schema, $defs included. */
function propertyNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, names);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const name of Object.keys(value)) names.add(name);
      }
      propertyNames(value, names);
    }
  }
  return names;
}

/** The Japanese and the English half of the format page: each must be complete on its own. */
function formatPageSection(name: '日本語' | 'English'): string {
  const page = readFileSync(FORMAT_PAGE, 'utf8');
  const japanese = page.search(/^## 日本語\s*$/m);
  const english = page.search(/^## English\s*$/m);
  expect(japanese, 'docs/json-format.md needs a "## 日本語" section').toBeGreaterThan(-1);
  expect(english, 'docs/json-format.md needs a "## English" section after it').toBeGreaterThan(
    japanese,
  );
  return name === '日本語' ? page.slice(japanese, english) : page.slice(english);
}

describe('docs/plan.schema.json', () => {
  it('is the schema the code builds', () => {
    let committed: unknown;
    try {
      committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    } catch (error) {
      throw new Error(`docs/plan.schema.json is missing or not JSON: ${REGENERATE}`, {
        cause: error,
      });
    }
    expect(committed, `docs/plan.schema.json is out of date: ${REGENERATE}`).toStrictEqual(
      planJsonSchema(),
    );
  });

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    const schema = planJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'plan.schema.json',
      type: 'object',
      additionalProperties: false,
    });
    expect(schema.title).toEqual(expect.stringContaining('計画データ'));
    expect(schema.description).toEqual(expect.stringContaining('効果検証'));
    expect(Object.keys(schema.$defs as object).sort()).toEqual(
      [
        'Activity',
        'Conventions',
        'Direction',
        'Entry',
        'Finance',
        'Goal',
        'Measure',
        'Metric',
        'Node',
        'Project',
      ].sort(),
    );
  });

  // zod's own reader of JSON Schema: enough to show the file's $refs resolve and it checks types.
  it('accepts a document Sousei writes and refuses an invalid one', () => {
    const validator = z.fromJSONSchema(planJsonSchema() as z.core.JSONSchema.JSONSchema);
    const plan: Plan = {
      municipality: { code: '012050', name: '室蘭市' },
      plan: {
        title: '総合戦略',
        kind: '総合戦略',
        firstFiscalYear: 2020,
        lastFiscalYear: 2024,
        levels: ['政策', '施策', '事業'],
      },
      amountUnit: '千円',
      conventions: MURORAN_CONVENTIONS,
      nodes: [
        {
          title: '政策1',
          projects: [],
          children: [
            {
              title: '施策1',
              children: [],
              projects: [
                {
                  no: '1',
                  name: '移住推進事業',
                  notes: [],
                  department: null,
                  finances: [{ fiscalYear: 2020, budget: 322_000, settlement: null }],
                  activities: [],
                },
              ],
            },
          ],
        },
      ],
      statedTotals: [],
    };
    const doc = JSON.parse(JSON.stringify(toPlanDocument(plan)));
    expect(validator.safeParse(doc).success).toBe(true);
    doc.nodes[0].children[0].projects[0].finances[0].budget = '322';
    expect(validator.safeParse(doc).success).toBe(false);
  });
});

describe('docs/json-format.md', () => {
  const names = [...propertyNames(planJsonSchema())].sort();

  it('finds the property names of the schema', () => {
    expect(names).toEqual(expect.arrayContaining(['municipality', 'goals', 'nodes', 'relistOf']));
  });

  it.each(['日本語', 'English'] as const)('documents every property of the schema (%s)', (name) => {
    const section = formatPageSection(name);
    const missing = names.filter((property) => !section.includes(`\`${property}\``));
    expect(
      missing,
      `docs/json-format.md (${name}) does not mention these properties in backticks`,
    ).toEqual([]);
  });

  it.each(['日本語', 'English'] as const)('shows example documents Sousei reads (%s)', (name) => {
    const blocks = [...formatPageSection(name).matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) =>
      JSON.parse(m[1] ?? ''),
    );
    const documents = blocks.filter((block) => block.format === 'sousei-plan');
    expect(documents).toHaveLength(1);
    for (const document of documents) expect(fromPlanDocument(document).findings).toEqual([]);
  });
});
