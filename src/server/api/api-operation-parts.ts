import type { z } from 'zod';
import { t } from '../../i18n/translate.ts';
import { ERROR_EXAMPLES } from './examples.ts';
import { ErrorSchema } from './schemas.ts';

/**
 * The pieces the API's operation table is made of: operation, parameter and response shapes,
 * and the builders for a read (ETag, 304, public or token) and a write (token, 401/403/409/422).
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

export const P = {
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

export const jsonError = (description: string, example: unknown): ApiResponse => ({
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

export function read(
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

export function write(
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
