import { PlanDocumentSchema } from '../../app/plan-document.ts';
import { ANALYSIS_EXAMPLE, AnalysisListSchema } from './analysis-api.ts';
import { type ApiOperation, jsonError, P, read, write } from './api-operation-parts.ts';
import { COMPARISON_EXAMPLE, ComparisonSchema } from './compare-api.ts';
import { ERROR_EXAMPLES, EXAMPLES } from './examples.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './read-api.ts';
import {
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
} from './schemas.ts';

/**
 * Every operation of the API as data: path, method, parameters, bodies, responses and examples.
 * A test compares this table with the router's routes; openapi.ts turns it into the OpenAPI
 * document and docs-page.tsx into the human-readable page.
 */
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
      '/docs/json-format で説明する形式の文書。読める年度の予算・決算・結果だけを含みます（例は一事業に省略）。',
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
  read({
    path: '/api/v1/plans/{planId}/analysis',
    operationId: 'listAnalysis',
    tag: '効果検証',
    summary: '年度の効果検証の文',
    description:
      '計画全体・基本目標・施策ごとの効果検証の文（画面 /m/{code}/plans/{planId}/analysis と同じ）。トークンなしでは公表済みの年度の承認済みの文だけ（なければ items は空）。トークンを付けると、その利用者の画面と同じく、保存した文またはデータからの下書きと状態。',
    parameters: [
      P.planId,
      {
        ...P.fiscalYearQuery,
        required: true,
        description:
          '年度（R2 や 令和2年度 も可）。必須。読めない年度（一般には公表前の年度）は 404',
      },
    ],
    badQuery: true,
    ok: { description: '効果検証の文', schema: AnalysisListSchema, example: ANALYSIS_EXAMPLE },
    notFound: jsonError('ない計画、または読めない年度', ERROR_EXAMPLES.yearNotFound()),
  }),
  read({
    path: '/api/v1/compare',
    operationId: 'compareMunicipalities',
    tag: '団体間の比較',
    summary: '団体間の比較（公表済みの年度の集計）',
    description:
      '公表済みの年度の予算・決算・執行率と KPI の達成状況を団体ごと（by=goal で基本目標ごと）に、年度ごとの合計とともに返します。トークンの有無によらず公表済みの年度だけです。ページ /compare と CSV /compare.csv と同じ行（列の説明は /docs/compare）。',
    parameters: [
      {
        ...P.fiscalYearQuery,
        description: '年度（R2 や 令和2年度 も可）。省略すると最新の公表年度',
      },
      {
        name: 'prefecture',
        in: 'query',
        required: false,
        description: '都道府県の番号（01～47）',
        schema: { type: 'string', pattern: '^\\d{1,2}$' },
        example: '01',
      },
      {
        name: 'kind',
        in: 'query',
        required: false,
        description: '団体の区分',
        schema: { type: 'string', enum: [...ComparisonSchema.shape.kind.unwrap().options] },
        example: 'city',
      },
      {
        name: 'by',
        in: 'query',
        required: false,
        description: '行の単位: municipality（団体・計画ごと、既定）または goal（基本目標ごと）',
        schema: { type: 'string', enum: ['municipality', 'goal'] },
      },
    ],
    badQuery: true,
    ok: {
      description: '比較の行と年度ごとの合計',
      schema: ComparisonSchema,
      example: COMPARISON_EXAMPLE,
    },
  }),
  write({
    method: 'put',
    path: '/api/v1/projects/{projectId}/years/{fiscalYear}',
    operationId: 'putProjectYear',
    tag: '書き込み',
    summary: '事業の年度の予算・決算を保存',
    description:
      '画面の入力と同じ規則です。年度が入力受付中で、担当課は自分の課の入力中・差戻しの事業、企画課は確認済みでない事業。その年度の取組の結果・見直しは変わりません。version が古ければ 409 と現在の値。',
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
    summary: '事業の入力状況を進める（入力完了・確認・差戻し）',
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
        '本文が JSON でない、差戻しにコメントがない',
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
