import { z } from 'zod';
import { PlanDocumentSchema } from '../../formats/json/plan-document-schema.ts';
import { t } from '../../i18n/translate.ts';
import { ERROR_EXAMPLES, EXAMPLES } from './examples.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './read-api.ts';
import {
  ErrorSchema,
  KpiActualBodySchema,
  KpiActualSavedSchema,
  KpiListSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
  PlanListSchema,
  ProjectDetailSchema,
  ProjectListSchema,
  ProjectStatusBodySchema,
  ProjectStatusChangedSchema,
  ProjectYearBodySchema,
  ProjectYearSavedSchema,
  REQUEST_SCHEMAS,
  RESPONSE_SCHEMAS,
} from './schemas.ts';

/**
 * The API described as OpenAPI 3.1, built in code: the operations below (which a test compares
 * with the router's routes) and components converted from the zod schemas the handlers use.
 * The page /api/docs renders the same table.
 */

export type JsonSchema = Record<string, unknown>;

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface ApiResponse {
  description: string;
  /** The zod schema of a JSON body. */
  schema?: z.core.$ZodType;
  /** A body that is not JSON: its media type. */
  mediaType?: string;
  example?: unknown;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

export interface ApiOperation {
  method: 'get' | 'put' | 'post';
  /** The path as OpenAPI writes it (`/api/v1/plans/{planId}`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** none: no authentication; optional: public or a token; required: a token. */
  auth: 'none' | 'optional' | 'required';
  parameters: ApiParameter[];
  requestBody?: { schema: z.core.$ZodType; description: string; example: unknown };
  responses: Record<string, ApiResponse>;
}

const integer: JsonSchema = { type: 'integer', minimum: 1 };
const codeSchema: JsonSchema = { type: 'string', pattern: '^\\d{6}$' };
const yearSchema: JsonSchema = { type: 'integer', minimum: 1868, maximum: 2200 };

const pathParam = (name: string, description: string, schema: JsonSchema, example: unknown) => ({
  name,
  in: 'path' as const,
  required: true,
  description,
  schema,
  example,
});

const P = {
  code: pathParam('code', '全国地方公共団体コード（6桁、検査数字付き）', codeSchema, '012050'),
  planId: pathParam('planId', '計画の ID', integer, 1),
  projectId: pathParam('projectId', '事業の ID', integer, 2),
  kpiId: pathParam('kpiId', 'KPI の ID', integer, 1),
  fiscalYear: pathParam(
    'fiscalYear',
    '年度（始まる年の西暦。R3 や 令和3年度 も読めます）',
    yearSchema,
    2021,
  ),
  fiscalYearQuery: {
    name: 'fiscalYear',
    in: 'query' as const,
    required: false,
    description:
      'この年度だけにする（R2 や 令和2年度 も可）。読めない年度（一般には公表前の年度）は 404',
    schema: yearSchema,
    example: 2020,
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header' as const,
    required: false,
    description: '前に受け取った ETag。内容が変わっていなければ 304（本文なし）',
    schema: { type: 'string' },
  },
};

const jsonError = (description: string, example: unknown): ApiResponse => ({
  description,
  schema: ErrorSchema,
  example,
});

const READ_HEADERS = {
  ETag: { description: '本文のハッシュ（強い検証子）', schema: { type: 'string' } },
  'Cache-Control': {
    description:
      'トークンなし: public, max-age=60（公表済みのデータだけ）。トークンあり: private, no-store',
    schema: { type: 'string' },
  },
};

function read(
  op: Omit<ApiOperation, 'method' | 'auth' | 'responses'> & {
    ok: ApiResponse;
    notFound?: ApiResponse;
    badQuery?: boolean;
  },
): ApiOperation {
  const responses: Record<string, ApiResponse> = {
    '200': { ...op.ok, headers: { ...READ_HEADERS, ...op.ok.headers } },
    '304': { description: 'If-None-Match の ETag と同じ（本文なし）' },
  };
  if (op.badQuery) responses['400'] = jsonError('クエリーが正しくない', ERROR_EXAMPLES.usage());
  responses['401'] = jsonError(
    'トークンが正しくないか失効している（トークンを送らなければ一般向けの内容）',
    ERROR_EXAMPLES.invalidToken(),
  );
  if (op.notFound) responses['404'] = op.notFound;
  const { ok: _ok, notFound: _nf, badQuery: _bq, ...rest } = op;
  return {
    ...rest,
    method: 'get',
    auth: 'optional',
    parameters: [...op.parameters, P.ifNoneMatch],
    responses,
  };
}

function write(
  op: Omit<ApiOperation, 'auth' | 'responses'> & {
    ok: ApiResponse;
    extra: Record<string, ApiResponse>;
  },
): ApiOperation {
  const { ok, extra, ...rest } = op;
  return {
    ...rest,
    auth: 'required',
    responses: {
      '200': ok,
      '400': jsonError('本文が JSON でない', {
        error: { code: 'usage', message: t('api.invalid-json') },
      }),
      '401': jsonError(
        'トークンがない・正しくない・失効している（Cookie だけでは書き込めない）',
        ERROR_EXAMPLES.unauthenticated(),
      ),
      '403': jsonError(
        '権限がない（外部有識者、ほかの担当課、入力受付中でない年度、確認済みの事業など）',
        ERROR_EXAMPLES.forbidden(),
      ),
      ...extra,
    },
  };
}

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: '説明',
    summary: 'この API の OpenAPI 3.1 文書',
    description: 'この文書そのもの。ETag と If-None-Match に対応します。',
    auth: 'none',
    parameters: [P.ifNoneMatch],
    responses: {
      '200': { description: 'OpenAPI 3.1 の文書', mediaType: 'application/json' },
      '304': { description: '変わっていない' },
    },
  },
  {
    method: 'get',
    path: '/api/docs',
    operationId: 'getApiDocs',
    tag: '説明',
    summary: 'この API の説明ページ（HTML）',
    description: 'このページ。すべての操作、パラメーター、本文と応答を例とともに示します。',
    auth: 'none',
    parameters: [],
    responses: { '200': { description: '説明のページ', mediaType: 'text/html' } },
  },
  read({
    path: '/api/v1/municipalities',
    operationId: 'listMunicipalities',
    tag: '団体',
    summary: '団体の一覧',
    description: '計画を公表している団体と、トークンの利用者の団体。全国地方公共団体コードの順。',
    parameters: [],
    ok: {
      description: '団体の一覧',
      schema: MunicipalityListSchema,
      example: EXAMPLES.municipalityList,
    },
  }),
  read({
    path: '/api/v1/municipalities/{code}',
    operationId: 'getMunicipality',
    tag: '団体',
    summary: '団体',
    description: '公表している団体、またはトークンの利用者の団体。',
    parameters: [P.code],
    ok: { description: '団体', schema: MunicipalitySchema, example: EXAMPLES.municipality },
    notFound: jsonError('ない、または公表していない団体', ERROR_EXAMPLES.municipalityNotFound()),
  }),
  read({
    path: '/api/v1/municipalities/{code}/plans',
    operationId: 'listPlans',
    tag: '計画',
    summary: '団体の計画の一覧',
    description:
      '読める計画と、その読める年度（一般には公表済みの年度、団体の利用者にはすべての年度と状態）。',
    parameters: [P.code],
    ok: { description: '計画の一覧', schema: PlanListSchema, example: EXAMPLES.planList },
    notFound: jsonError('ない、または公表していない団体', ERROR_EXAMPLES.municipalityNotFound()),
  }),
  read({
    path: '/api/v1/plans/{planId}',
    operationId: 'getPlanDocument',
    tag: '計画',
    summary: '計画の JSON 文書（オープンデータ）',
    description:
      'docs/json-format.md の形式の文書。読める年度の予算・決算・結果だけを含みます（例は一事業に省略）。',
    parameters: [P.planId],
    ok: { description: '計画の文書', schema: PlanDocumentSchema, example: EXAMPLES.planDocument },
    notFound: jsonError('ない、または公表していない計画', ERROR_EXAMPLES.planNotFound()),
  }),
  read({
    path: '/api/v1/plans/{planId}/projects',
    operationId: 'listProjects',
    tag: '事業',
    summary: '事業の一覧（絞り込み・ページ分け）',
    description:
      '計画の体系の順に、一事業一件で、読める年度の予算・決算・執行率とともに返します。次のページがあれば `Link: <…>; rel="next"`。',
    parameters: [
      P.planId,
      P.fiscalYearQuery,
      {
        name: 'department',
        in: 'query',
        required: false,
        description: '担当課の名前（完全一致）または ID',
        schema: { type: 'string', maxLength: 200 },
        example: '経済部 産業振興課',
      },
      {
        name: 'q',
        in: 'query',
        required: false,
        description:
          '事業名・注記・取組・結果の文から探す語（空白で区切るとすべてを含む事業。全角・半角は区別しない）',
        schema: { type: 'string', maxLength: 200 },
        example: 'IoT',
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: `一度に返す数（${MAX_LIMIT} まで）`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
        example: 2,
      },
      {
        name: 'offset',
        in: 'query',
        required: false,
        description: '飛ばす数',
        schema: { type: 'integer', minimum: 0, default: 0 },
        example: 1,
      },
    ],
    badQuery: true,
    ok: {
      description: '事業の一覧の一ページ',
      schema: ProjectListSchema,
      example: EXAMPLES.projectList,
      headers: {
        Link: {
          description: '次（rel="next"）と前（rel="prev"）のページ',
          schema: { type: 'string' },
        },
      },
    },
    notFound: jsonError(
      'ない計画、または読めない年度（fiscalYear）',
      ERROR_EXAMPLES.yearNotFound(),
    ),
  }),
  read({
    path: '/api/v1/plans/{planId}/projects/{projectId}',
    operationId: 'getProject',
    tag: '事業',
    summary: '事業',
    description:
      '事業の、読める年度の予算・決算と、取組・結果・見直し。団体の利用者には書き込みに使う version と年度ごとの入力状況も返します。',
    parameters: [P.planId, P.projectId],
    ok: { description: '事業', schema: ProjectDetailSchema, example: EXAMPLES.projectDetail },
    notFound: jsonError('ない計画・事業', ERROR_EXAMPLES.projectNotFound()),
  }),
  read({
    path: '/api/v1/plans/{planId}/kpis',
    operationId: 'listKpis',
    tag: 'KPI',
    summary: 'KPI の一覧',
    description:
      'KPI の定義と、読める年度の実績、その実績から計算した達成率（累計の KPI も読める年度だけで計算）。例の目標値は説明のためのものです。',
    parameters: [P.planId, P.fiscalYearQuery],
    badQuery: true,
    ok: { description: 'KPI の一覧', schema: KpiListSchema, example: EXAMPLES.kpiList },
    notFound: jsonError('ない計画、または読めない年度', ERROR_EXAMPLES.yearNotFound()),
  }),
  write({
    method: 'put',
    path: '/api/v1/projects/{projectId}/years/{fiscalYear}',
    operationId: 'putProjectYear',
    tag: '書き込み',
    summary: '事業の年度の予算・決算を保存',
    description:
      '画面の入力と同じ規則です。年度が入力受付中で、担当課は自分の課の入力中・差し戻しの事業、企画課は確認済みでない事業。その年度の取組の結果・見直しは変わりません。version が古ければ 409 と現在の値。',
    parameters: [P.projectId, P.fiscalYear],
    requestBody: {
      schema: ProjectYearBodySchema,
      description: '予算・決算と、読んだときの版',
      example: EXAMPLES.projectYearInput,
    },
    ok: {
      description: '保存した（新しい version）',
      schema: ProjectYearSavedSchema,
      example: EXAMPLES.projectYearSaved,
    },
    extra: {
      '404': jsonError('ない事業（ほかの団体の事業も）', ERROR_EXAMPLES.projectNotFound()),
      '409': jsonError('ほかの人が先に保存した（現在の値つき）', ERROR_EXAMPLES.conflict()),
      '422': jsonError('金額が読めない、本文の項目が正しくない', ERROR_EXAMPLES.invalidAmount()),
    },
  }),
  write({
    method: 'post',
    path: '/api/v1/projects/{projectId}/years/{fiscalYear}/status',
    operationId: 'postProjectStatus',
    tag: '書き込み',
    summary: '事業の入力状況を進める（入力完了・確認・差し戻し）',
    description:
      'submit は担当課（自分の課）と企画課、accept と return は企画課だけ。年度が入力受付中であること。',
    parameters: [P.projectId, P.fiscalYear],
    requestBody: {
      schema: ProjectStatusBodySchema,
      description: '操作とコメント',
      example: EXAMPLES.projectStatusInput,
    },
    ok: {
      description: '新しい状況',
      schema: ProjectStatusChangedSchema,
      example: EXAMPLES.projectStatusChanged,
    },
    extra: {
      '404': jsonError('ない事業（ほかの団体の事業も）', ERROR_EXAMPLES.projectNotFound()),
      '400': jsonError(
        '本文が JSON でない、差し戻しにコメントがない',
        ERROR_EXAMPLES.returnNeedsComment(),
      ),
      '409': jsonError('いまの状況からはできない操作', ERROR_EXAMPLES.transition()),
      '422': jsonError('本文の項目が正しくない', ERROR_EXAMPLES.invalidAction()),
    },
  }),
  write({
    method: 'put',
    path: '/api/v1/kpis/{kpiId}/actuals/{fiscalYear}',
    operationId: 'putKpiActual',
    tag: '書き込み',
    summary: 'KPI の年度の実績を保存',
    description: '企画課はすべての KPI、担当課は自分の課の事業の KPI。年度が入力受付中であること。',
    parameters: [P.kpiId, P.fiscalYear],
    requestBody: {
      schema: KpiActualBodySchema,
      description: '実績値・時点・出典',
      example: EXAMPLES.kpiActualInput,
    },
    ok: {
      description: '保存した',
      schema: KpiActualSavedSchema,
      example: EXAMPLES.kpiActualSaved,
    },
    extra: {
      '404': jsonError('ない KPI（ほかの団体の KPI も）', ERROR_EXAMPLES.kpiNotFound()),
      '422': jsonError('値や日付が読めない', ERROR_EXAMPLES.invalidKpi()),
    },
  }),
];

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
