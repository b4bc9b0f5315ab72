/**
 * Writes docs/plan.schema.json, the JSON Schema of the published plan document, from the zod
 * schemas in src/formats/json/plan-document-schema.ts. Run after changing them:
 *   npx tsx scripts/generate-json-schema.ts
 * src/formats/json/plan-json-schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '../src/formats/json/plan-json-schema.ts';

const file = fileURLToPath(new URL('../docs/plan.schema.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${file}`);
