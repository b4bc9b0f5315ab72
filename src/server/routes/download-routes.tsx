import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OpenDataTable } from '../../app/export-plan.ts';
import { type ExportedFile, exportPlanView } from '../../app/export-plan.ts';
import { fiscalYearsWithFigures } from '../../app/resolve-plan.ts';
import { loadPlanView, type PlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';

const TABLES: Record<OpenDataTable, string> = {
  projects: '事業×年度（予算・決算・執行率）',
  entries: '取組の記載（結果 ▶・見直し ⇒）',
  figures: '結果の数値（結果 ▶ から読み取った数値。1行に1つ）',
  kpis: 'KPI×年度（実績と達成率）',
  plan: '計画の全体（階層・事業・予算・決算・取組。取り込み直せます）',
};

/** The years a download covers: what this reader may see and that has figures. */
function downloadYears(view: PlanView, asked: number | null): number[] {
  const readable = new Set(view.readableYears);
  const years = fiscalYearsWithFigures(view.plan).filter((fy) => readable.has(fy));
  if (asked === null) return years;
  if (!readable.has(asked)) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return [asked];
}

async function viewOf(c: Context<ServerEnv>) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  return { code, planId, view: await loadPlanView(c.get('app'), c.get('actor'), code, planId) };
}

/** The one year asked for with ?fy=, if any. */
function askedYears(c: Context<ServerEnv>): number[] | undefined {
  const fy = fiscalYearQuery(c);
  return fy === null ? undefined : [fy];
}

function attachment(c: Context<ServerEnv>, file: ExportedFile, name: string) {
  const body = file.body;
  c.header('content-type', file.mediaType);
  // ASCII file names only: every browser reads them the same way.
  c.header('content-disposition', `attachment; filename="${name}"`);
  c.header('cache-control', 'private, no-store');
  return c.body(body as string);
}

/**
 * Downloads of a plan for whoever may read it (the public: published years only): the JSON
 * document, the progress table as Excel, the open-data CSVs (with a BOM for Excel if asked),
 * the PDF report (pdf-routes.tsx).
 */
export function downloadRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const path = '/m/:code/plans/:planId';

  app.get(`${path}/downloads`, async (c) => {
    const { code, planId, view } = await viewOf(c);
    const years = downloadYears(view, null);
    const plan = { code, planId };
    return page(
      c,
      'ダウンロード',
      <>
        <h1>ダウンロード</h1>
        <p class="lead">
          {view.summary.title}・{view.isMember ? 'すべての年度' : '公表済みの年度'}:{' '}
          {years.map(fyLabel).join('、') || 'なし'}
        </p>
        <h2>進捗状況表</h2>
        <ul>
          <li>
            <a href={urls.planPage(plan, 'export.xlsx')}>Excel（年度ごとのシート）</a>・
            <a href={urls.planPage(plan, 'export.xlsx', { layout: 'cumulative' })}>
              Excel（全年度を1シートに）
            </a>
          </li>
          {years.map((fy) => (
            <li>
              <a
                href={urls.planPage(plan, 'report.pdf', { fy })}
                data-pdf-status="pdf-status"
                data-pending={t('report.pdf.pending')}
                data-done={t('report.pdf.done')}
              >
                PDF {fyLabel(fy)}・A3 横
              </a>
              <span class="hint">{t('report.pdf.takes-seconds')}</span>
            </li>
          ))}
        </ul>
        {/* app.js says here that a PDF is being printed (a few seconds). */}
        <p id="pdf-status" role="status" />
        <h2>オープンデータ</h2>
        <ul>
          {(Object.keys(TABLES) as OpenDataTable[]).map((table) => (
            <li>
              {TABLES[table]}:{' '}
              <a href={urls.planPage(plan, `export/${table}.csv`, { bom: 1 })}>
                CSV（Excel 用、BOM 付き UTF-8）
              </a>
              ・<a href={urls.planPage(plan, `export/${table}.csv`)}>CSV（UTF-8）</a>
            </li>
          ))}
          <li>
            <a href={urls.planPage(plan, 'export.json')}>計画全体の JSON</a>
          </li>
          <li>
            形式の説明: <a href={urls.doc('json-format')}>{t('doc.json-format')}</a>・列の説明:{' '}
            <a href={urls.doc('open-data-csv')}>{t('doc.open-data-csv')}</a>
          </li>
        </ul>
      </>,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(c.get('actor'), plan, 'downloads'),
      },
    );
  });

  app.get(`${path}/export.json`, async (c) => {
    const { code, view } = await viewOf(c);
    const file = await exportPlanView(c.get('app'), view, { format: 'json' });
    return attachment(c, file, `plan-${code}-${view.summary.id}.json`);
  });

  app.get(`${path}/export.xlsx`, async (c) => {
    const { code, view } = await viewOf(c);
    const layout = c.req.query('layout') === 'cumulative' ? 'cumulative' : 'per-year';
    const file = await exportPlanView(c.get('app'), view, {
      format: 'xlsx',
      fiscalYears: askedYears(c),
      layout,
      analysis: c.req.query('analysis') === '1',
    });
    return attachment(c, file, `report-${code}-${layout}.xlsx`);
  });

  app.get(`${path}/export/:table{(projects|entries|figures|kpis|plan)\\.csv}`, async (c) => {
    const { code, view } = await viewOf(c);
    const table = (c.req.param('table') ?? '').replace('.csv', '') as OpenDataTable;
    const file = await exportPlanView(c.get('app'), view, {
      format: 'csv',
      table,
      fiscalYears: askedYears(c),
      bom: c.req.query('bom') === '1',
    });
    return attachment(c, file, `${table}-${code}.csv`);
  });
  return app;
}
