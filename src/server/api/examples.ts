import { t } from '../../i18n/translate.ts';

/**
 * Examples for the OpenAPI document and its page, taken from the Muroran sample
 * (samples/muroran-r2-progress.tsv) as `npm start` serves it: FY R2 published, FY R3 open.
 * Ids are those of a fresh demo database. The sample has no KPIs: the KPI below reports the
 * sample's own R2 result of project 2 (参加者78名) against an illustrative target. A test checks
 * that every example still fits its schema.
 */

const MURORAN = { code: '012050', name: '室蘭市' } as const;
const GOAL = '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出';
const DIRECTION = '「働くまち」として室蘭を選んでもらう';
const MEASURE = '地元企業への就職促進とUIターン の推進';
const PATH = [
  { level: '基本目標', title: GOAL },
  { level: '分類', title: DIRECTION },
  { level: '具体的な施策', title: MEASURE },
];
const ACTIVITY_2 = {
  title: '「西いぶり合同企業説明会(室蘭市)開催」',
  text: '「西いぶり合同企業説明会(室蘭市)開催」 西胆振地域連携による地元学生・求職者への合同企業説明会を開催',
  source:
    '「西いぶり合同企業説明会(室蘭市)開催」 西胆振地域連携による地元学生・求職者への合同企業説明会を開催 ▶R2…参加者78名、出展企業28社、就職者3名(うち室蘭市内企業2名)※3月調査時点',
  relistOf: null,
  entries: [
    {
      kind: 'result',
      fiscalYear: 2020,
      yearLabel: 'R2…',
      text: '参加者78名、出展企業28社、就職者3名(うち室蘭市内企業2名)※3月調査時点',
      kpi: false,
    },
  ],
};

export const EXAMPLES = {
  municipalityList: { items: [MURORAN] },
  municipality: MURORAN,
  planList: {
    items: [
      {
        id: 1,
        municipality: MURORAN,
        title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
        kind: '総合戦略',
        firstFiscalYear: 2020,
        lastFiscalYear: 2024,
        levels: ['基本目標', '分類', '具体的な施策', '事業'],
        amountUnit: '千円',
        years: [{ fiscalYear: 2020, status: 'published' }],
      },
    ],
  },
  planDocument: {
    format: 'sousei-plan',
    version: 1,
    municipality: MURORAN,
    plan: {
      title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '分類', '具体的な施策', '事業'],
    },
    amountUnit: '千円',
    conventions: {
      checkbox: '<input type="checkbox"/>',
      resultMark: '▶',
      arrow: 'revision',
      revisionMark: '⇒',
      yearSeparator: '…',
    },
    goals: [
      {
        title: GOAL,
        directions: [
          {
            title: DIRECTION,
            measures: [
              {
                title: MEASURE,
                projects: [
                  {
                    no: '2',
                    name: '西いぶり合同企業説明会開催事業',
                    notes: [],
                    department: '経済部 産業振興課',
                    finances: [{ fiscalYear: 2020, budget: 2810, settlement: 2352 }],
                    activities: [ACTIVITY_2],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    statedTotals: [{ fiscalYear: 2020, budget: 70090, settlement: 52139 }],
  },
  projectList: {
    planId: 1,
    amountUnit: '千円',
    fiscalYear: 2020,
    total: 24,
    limit: 2,
    offset: 1,
    items: [
      {
        id: 2,
        no: '2',
        name: '西いぶり合同企業説明会開催事業',
        notes: [],
        department: '経済部 産業振興課',
        path: PATH,
        finances: [{ fiscalYear: 2020, budget: 2810, settlement: 2352, executionRate: 0.837 }],
      },
      {
        id: 3,
        no: '3',
        name: '大学連携推進事業',
        notes: [],
        department: '経済部 産業振興課',
        path: PATH,
        finances: [{ fiscalYear: 2020, budget: 24, settlement: 13, executionRate: 0.5417 }],
      },
    ],
  },
  projectDetail: {
    id: 2,
    no: '2',
    name: '西いぶり合同企業説明会開催事業',
    notes: [],
    department: '経済部 産業振興課',
    path: PATH,
    finances: [{ fiscalYear: 2020, budget: 2810, settlement: 2352, executionRate: 0.837 }],
    version: 1,
    statuses: [
      { fiscalYear: 2020, status: 'accepted', comment: null },
      { fiscalYear: 2021, status: 'untouched', comment: null },
    ],
    amountUnit: '千円',
    activities: [ACTIVITY_2],
  },
  kpiList: {
    planId: 1,
    fiscalYear: null,
    items: [
      {
        id: 1,
        scope: 'project',
        owner: { id: 2, title: '2. 西いぶり合同企業説明会開催事業' },
        name: '合同企業説明会の参加者数',
        unit: '人',
        direction: 'higher',
        kind: 'annual',
        baseline: null,
        target: { value: 100, fiscalYear: 2024 },
        yearTargets: [],
        actuals: [
          {
            fiscalYear: 2020,
            value: 78,
            asOf: '2021-03-31',
            source: '事業の結果',
            progressValue: 78,
            yearTarget: 100,
            yearRate: 0.78,
            finalRate: 0.78,
          },
        ],
      },
    ],
  },
  projectYearInput: { version: 1, budget: 2900, settlement: '2,500' },
  projectYearSaved: {
    projectId: 2,
    fiscalYear: 2021,
    version: 2,
    changes: 2,
    amountUnit: '千円',
    budget: 2900,
    settlement: 2500,
  },
  projectStatusInput: { action: 'submit' },
  projectStatusChanged: { projectId: 2, fiscalYear: 2021, status: 'submitted' },
  kpiActualInput: { value: '１０５', asOf: 'R4.3.31', source: '事業実績' },
  kpiActualSaved: {
    kpiId: 1,
    fiscalYear: 2021,
    value: 105,
    asOf: '2022-03-31',
    source: '事業実績',
  },
} as const;

/** Error bodies, with their messages from the catalogue. */
export function errorExample(
  code: string,
  key: string,
  params: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
) {
  return { error: { code, message: t(key, params), ...extra } };
}

export const ERROR_EXAMPLES = {
  usage: () => errorExample('usage', 'api.invalid-query', { name: 'limit' }),
  unauthenticated: () => errorExample('unauthenticated', 'api.token-required'),
  invalidToken: () => errorExample('unauthenticated', 'api.token-invalid'),
  forbidden: () => errorExample('forbidden', 'auth.forbidden'),
  planNotFound: () => errorExample('not-found', 'plan.not-found', { detail: '' }),
  projectNotFound: () => errorExample('not-found', 'project.not-found'),
  municipalityNotFound: () => errorExample('not-found', 'api.municipality-not-found'),
  yearNotFound: () => errorExample('not-found', 'api.year-not-found', { fiscalYear: 2021 }),
  kpiNotFound: () => errorExample('not-found', 'kpi.not-found'),
  conflict: () =>
    errorExample(
      'conflict',
      'api.version-conflict',
      { version: 3 },
      {
        current: { version: 3, budget: 2900, settlement: 2500 },
        lastChange: { userName: '企画 太郎', at: '2021-05-10T01:23:45.000Z' },
      },
    ),
  transition: () =>
    errorExample('conflict', 'project.invalid-transition', {
      from: 'accepted',
      action: 'submit',
    }),
  invalidAmount: () =>
    errorExample(
      'invalid-input',
      'api.field-errors',
      {},
      {
        fields: { budget: t('amount.not-a-number') },
      },
    ),
  invalidKpi: () =>
    errorExample(
      'invalid-input',
      'api.field-errors',
      {},
      { fields: { value: t('api.kpi-value') } },
    ),
  invalidAction: () =>
    errorExample(
      'invalid-input',
      'api.invalid-body',
      {},
      {
        fields: { action: t('api.field.choice', { values: 'submit・accept・return' }) },
      },
    ),
  returnNeedsComment: () => errorExample('usage', 'project.return-needs-comment'),
};
