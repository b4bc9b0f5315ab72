import type { Context } from 'hono';
import { Hono } from 'hono';
import { parseCompareQuery } from '../../app/compare/compare-query.ts';
import { loadComparison } from '../../app/compare/load-comparison.ts';
import { SouseiError } from '../../core/errors.ts';
import { parseFiscalYear } from '../../core/fiscal-year.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import type { ServerEnv } from '../env.ts';
import { sessionMiddleware } from '../middleware/session.ts';
import { page } from '../render.tsx';
import { listAnalysis } from './analysis-api.ts';
import { comparisonBody } from './compare-api.ts';
import { ApiDocsPage } from './docs-page.tsx';
import { apiAuth, apiErrorResponse, readBody, requireToken, sendJson, sendRead } from './http.ts';
import { openApiDocument } from './openapi.ts';
import {
  DEFAULT_LIMIT,
  getMunicipality,
  getProject,
  listKpis,
  listMunicipalities,
  listMunicipalityPlans,
  listProjects,
  MAX_LIMIT,
  planDocument,
  planViewById,
} from './read-api.ts';
import { KpiActualBodySchema, ProjectStatusBodySchema, ProjectYearBodySchema } from './schemas.ts';
import { postProjectStatus, putKpiActual, putProjectYear } from './write-api.ts';

type C = Context<ServerEnv>;

/** A positive integer id in the path; anything else is not found. */
function idParam(c: C, name: string, messageKey: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^\d{1,12}$/.test(value)) throw new SouseiError('not-found', messageKey, { id: value });
  return Number(value);
}

function codeParam(c: C): string {
  const value = c.req.param('code') ?? '';
  if (parseMunicipalityCode(value) !== value) {
    throw new SouseiError('not-found', 'api.municipality-not-found');
  }
  return value;
}

/** A fiscal year as 2021 (also R3, 令和3年度); in the path, one that cannot be read is not found. */
function fiscalYearParam(c: C): number {
  const value = c.req.param('fiscalYear') ?? '';
  const fy = parseFiscalYear(value);
  if (fy === null) throw new SouseiError('not-found', 'api.year-not-found', { fiscalYear: value });
  return fy;
}

function fiscalYearQuery(c: C): number | null {
  const value = c.req.query('fiscalYear');
  if (value === undefined || value === '') return null;
  const fy = parseFiscalYear(value);
  if (fy === null) throw new SouseiError('usage', 'api.invalid-query', { name: 'fiscalYear' });
  return fy;
}

function intQuery(c: C, name: string, min: number, max: number, fallback: number): number {
  const value = c.req.query(name);
  if (value === undefined || value === '') return fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new SouseiError('usage', 'api.invalid-query', { name });
  return n;
}

function textQuery(c: C, name: string): string | null {
  const value = c.req.query(name);
  if (value !== undefined && value.length > 200) {
    throw new SouseiError('usage', 'api.invalid-query', { name });
  }
  return value ?? null;
}

/** `Link` with the next and previous pages, relative to this request. */
function pageLinks(c: C, total: number, limit: number, offset: number): string | null {
  const url = new URL(c.req.url);
  const at = (o: number) => {
    url.searchParams.set('offset', String(o));
    url.searchParams.set('limit', String(limit));
    return `<${url.pathname}${url.search}>`;
  };
  const links: string[] = [];
  if (offset + limit < total) links.push(`${at(offset + limit)}; rel="next"`);
  if (offset > 0) links.push(`${at(Math.max(0, offset - limit))}; rel="prev"`);
  return links.length ? links.join(', ') : null;
}

/**
 * The API under /api (issue #5): the OpenAPI document and its page, reads of what the reader may
 * see (/v1, public or with a token), and writes through the web app's use cases (token only).
 * Mounted before the session and CSRF middleware: cookies mean nothing here.
 */
export function apiRoutes(): Hono<ServerEnv> {
  const api = new Hono<ServerEnv>();
  api.onError(apiErrorResponse);

  api.get('/openapi.json', (c) => sendRead(c, openApiDocument(), { anyone: true }));
  api.get('/docs', sessionMiddleware, (c) =>
    page(c, 'API の説明', <ApiDocsPage document={openApiDocument()} />),
  );

  api.use('/v1/*', apiAuth);

  api.get('/v1/municipalities', async (c) =>
    sendRead(c, await listMunicipalities(c.get('app'), c.get('actor'))),
  );
  api.get('/v1/municipalities/:code', async (c) =>
    sendRead(c, await getMunicipality(c.get('app'), c.get('actor'), codeParam(c))),
  );
  api.get('/v1/municipalities/:code/plans', async (c) =>
    sendRead(c, await listMunicipalityPlans(c.get('app'), c.get('actor'), codeParam(c))),
  );
  api.get('/v1/plans/:planId', async (c) => {
    const planId = idParam(c, 'planId', 'plan.not-found');
    const view = await planViewById(c.get('app'), c.get('actor'), planId);
    return sendRead(c, await planDocument(c.get('app'), view));
  });
  api.get('/v1/plans/:planId/projects', async (c) => {
    const planId = idParam(c, 'planId', 'plan.not-found');
    const query = {
      fiscalYear: fiscalYearQuery(c),
      department: textQuery(c, 'department'),
      q: textQuery(c, 'q'),
      limit: intQuery(c, 'limit', 1, MAX_LIMIT, DEFAULT_LIMIT),
      offset: intQuery(c, 'offset', 0, 1_000_000_000, 0),
    };
    const view = await planViewById(c.get('app'), c.get('actor'), planId);
    const list = await listProjects(c.get('app'), view, query);
    const link = pageLinks(c, list.total, list.limit, list.offset);
    return sendRead(c, list, { headers: link ? { Link: link } : {} });
  });
  api.get('/v1/plans/:planId/projects/:projectId', async (c) => {
    const planId = idParam(c, 'planId', 'plan.not-found');
    const projectId = idParam(c, 'projectId', 'project.not-found');
    const view = await planViewById(c.get('app'), c.get('actor'), planId);
    return sendRead(c, await getProject(c.get('app'), view, projectId));
  });
  api.get('/v1/plans/:planId/kpis', async (c) => {
    const planId = idParam(c, 'planId', 'plan.not-found');
    const fiscalYear = fiscalYearQuery(c);
    const view = await planViewById(c.get('app'), c.get('actor'), planId);
    return sendRead(c, await listKpis(c.get('app'), view, fiscalYear));
  });

  api.get('/v1/plans/:planId/analysis', async (c) => {
    const planId = idParam(c, 'planId', 'plan.not-found');
    const fiscalYear = fiscalYearQuery(c);
    if (fiscalYear === null)
      throw new SouseiError('usage', 'api.invalid-query', { name: 'fiscalYear' });
    const view = await planViewById(c.get('app'), c.get('actor'), planId);
    return sendRead(c, await listAnalysis(c.get('app'), c.get('actor'), view, fiscalYear));
  });

  // Published aggregates only, whoever asks: always shared-cacheable.
  api.get('/v1/compare', async (c) => {
    const query = parseCompareQuery({
      fiscalYear: c.req.query('fiscalYear'),
      prefecture: c.req.query('prefecture'),
      kind: c.req.query('kind'),
      by: c.req.query('by'),
    });
    const comparison = await loadComparison(c.get('app'), query);
    return sendRead(c, comparisonBody(comparison), { anyone: true });
  });

  api.put('/v1/projects/:projectId/years/:fiscalYear', async (c) => {
    const actor = requireToken(c);
    const projectId = idParam(c, 'projectId', 'project.not-found');
    const fiscalYear = fiscalYearParam(c);
    const body = await readBody(c, ProjectYearBodySchema);
    return sendJson(
      c,
      200,
      await putProjectYear(c.get('app'), actor, { projectId, fiscalYear, body }),
    );
  });
  api.post('/v1/projects/:projectId/years/:fiscalYear/status', async (c) => {
    const actor = requireToken(c);
    const projectId = idParam(c, 'projectId', 'project.not-found');
    const fiscalYear = fiscalYearParam(c);
    const body = await readBody(c, ProjectStatusBodySchema);
    return sendJson(
      c,
      200,
      await postProjectStatus(c.get('app'), actor, { projectId, fiscalYear, body }),
    );
  });
  api.put('/v1/kpis/:kpiId/actuals/:fiscalYear', async (c) => {
    const actor = requireToken(c);
    const kpiId = idParam(c, 'kpiId', 'kpi.not-found');
    const fiscalYear = fiscalYearParam(c);
    const body = await readBody(c, KpiActualBodySchema);
    return sendJson(c, 200, await putKpiActual(c.get('app'), actor, { kpiId, fiscalYear, body }));
  });

  // Anything else under /api is answered in JSON too, never with the site's HTML page.
  api.all('*', () => {
    throw new SouseiError('not-found', 'api.no-such-operation');
  });
  return api;
}
