import { z } from 'zod';
import type { ApiOperation, JsonSchema } from './api-operation-parts.ts';
import { API_OPERATIONS } from './api-operations.ts';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from './schemas.ts';

/**
 * The API described as OpenAPI 3.1, built in code from the operation table (api-operations.ts)
 * and components converted from the zod schemas the handlers use.
 */
/** Zod schemas as OpenAPI components (JSON Schema 2020-12), requests on their input side. */
export function componentSchemas(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const sides = [
    [REQUEST_SCHEMAS, 'input'],
    [RESPONSE_SCHEMAS, 'output'],
  ] as const;
  for (const [names, io] of sides) {
    const registry = z.registry<{ id: string }>();
    for (const [schema, id] of names) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      uri: (id) => `#/components/schemas/${id}`,
    });
    // Definitions zod shares between schemas are lifted next to the others.
    const lifted = JSON.parse(
      JSON.stringify(schemas).replace(
        /#\/components\/schemas\/__shared#\/\$defs\/(\w+)/g,
        (_, name: string) => `#/components/schemas/Shared_${io}_${name}`,
      ),
    ) as Record<string, JsonSchema>;
    for (const [id, schema] of Object.entries(lifted)) {
      const { $schema: _s, $id: _i, $defs, ...body } = schema;
      if (id === '__shared') {
        for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
          out[`Shared_${io}_${name}`] = def;
        }
      } else out[id] = $defs ? { ...body, $defs } : body;
    }
  }
  return out;
}

/** The component name of a documented zod schema. */
export function componentName(schema: z.core.$ZodType): string {
  const name = REQUEST_SCHEMAS.get(schema) ?? RESPONSE_SCHEMAS.get(schema);
  if (!name) throw new Error('undocumented schema');
  return name;
}

const ref = (schema: z.core.$ZodType) => ({
  $ref: `#/components/schemas/${componentName(schema)}`,
});

function operationObject(op: ApiOperation) {
  const security =
    op.auth === 'none'
      ? []
      : op.auth === 'optional'
        ? [{}, { bearerAuth: [] }]
        : [{ bearerAuth: [] }];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    security,
    parameters: op.parameters.map((p) => ({ ...p })),
    ...(op.requestBody
      ? {
          requestBody: {
            required: true,
            description: op.requestBody.description,
            content: {
              'application/json': {
                schema: ref(op.requestBody.schema),
                example: op.requestBody.example,
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers ? { headers: r.headers } : {}),
          ...(r.schema
            ? {
                content: {
                  'application/json': {
                    schema: ref(r.schema),
                    ...(r.example !== undefined ? { example: r.example } : {}),
                  },
                },
              }
            : r.mediaType
              ? { content: { [r.mediaType]: {} } }
              : {}),
        },
      ]),
    ),
  };
}

let cached: JsonSchema | undefined;

/** The whole OpenAPI 3.1 document (built once: it does not change while the server runs). */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = operationObject(op);
  }
  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: '創生 Sousei API',
      version: '1.0.0',
      description: [
        '地方版総合戦略の計画と進捗（予算・決算・取組の結果・KPI）を読み書きする API です。',
        '',
        '- 読み取り（/api/v1 の GET）はトークンなしでも使えます。そのときは公表済みの年度だけが見えます。トークンを付けると、その利用者の団体の公表前の年度も見えます（Web の画面と同じ）。',
        '- 書き込みには API トークンが必要です（`Authorization: Bearer sousei_…`）。トークンはログインして「/account/tokens」で作るか、運用者が `sousei token create` で作ります。権限は Web の画面と同じです。',
        '- 誤りは `{ "error": { "code": "…", "message": "…" } }` で、code は変わらない誤りの種類です（HTTP の状態と一対一）。',
        '- 読み取りには強い ETag が付きます。If-None-Match で送れば、変わっていないとき 304 を返します。',
        '- 金額は計画の単位（amountUnit、室蘭市は千円）の数値です。null は記載なし（「-」）で、0 ではありません。',
      ].join('\n'),
    },
    tags: [
      { name: '説明', description: 'この API の説明' },
      { name: '団体', description: '地方公共団体' },
      { name: '計画', description: '総合戦略などの計画' },
      { name: '事業', description: '計画の事業と年度ごとの予算・決算' },
      { name: 'KPI', description: '重要業績評価指標' },
      { name: '書き込み', description: 'トークンの利用者の権限で書き込む' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'API トークン（sousei_ で始まる文字列）。/account/tokens で作ります。',
        },
      },
      schemas: componentSchemas(),
    },
  };
  return cached;
}
