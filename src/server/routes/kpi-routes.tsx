import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireActor } from '../../app/auth/require-actor.ts';
import { importKpis } from '../../app/kpi/import-kpis.ts';
import { loadKpiDetail, loadKpiOwner } from '../../app/kpi/kpi-view.ts';
import { linkEntryToKpi, saveKpi, saveKpiActual } from '../../app/kpi/save-kpi.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { SouseiError } from '../../core/errors.ts';
import { fiscalYearsBetween } from '../../core/fiscal-year.ts';
import { canManageKpi } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { type FormBody, field, formBody } from '../form-body.ts';
import {
  emptyKpiForm,
  type FieldErrors,
  type KpiFormState,
  kpiFormOf,
  readActualForm,
  readKpiForm,
  validateActualForm,
  validateKpiForm,
} from '../forms/kpi-form.ts';
import { fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { receiveUpload } from '../upload/receive-upload.ts';
import { urls } from '../urls.ts';
import { fyLabel } from '../views/format.ts';
import { KpiFormPage } from '../views/kpi-form-page.tsx';
import { kpiNumber } from '../views/kpi-format.ts';
import {
  MAX_UPLOAD_MB,
  nav,
  notFound,
  ownerQuery,
  planContext,
  renderDetail,
  renderList,
  selectedYear,
  targetYears,
} from './kpi-pages.tsx';

/** KPIs and numerical goals: list with achievement, definitions, actuals, KPI results, import. */
export function kpiRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const path = '/m/:code/plans/:planId/kpis';

  app.get(path, async (c) => {
    const p = await planContext(c);
    const fy = selectedYear(c, p.view);
    const notice = c.req.query('saved') === '1' ? t('kpi.saved') : null;
    return renderList(c, p, fy, { notice });
  });

  // A new KPI for a goal, a measure or a project.
  const newForm = async (
    c: Context<ServerEnv>,
    state: KpiFormState | null,
    errors: FieldErrors = {},
  ) => {
    const p = await planContext(c);
    const where = ownerQuery(c);
    const { owner, path: ownerPath } = await loadKpiOwner(c.get('app'), p.view, where);
    if (!canManageKpi(p.actor, p.code, owner)) throw new SouseiError('forbidden', 'auth.forbidden');
    const fy =
      fiscalYearQuery(c) ?? defaultYearOf(p.view, 'work') ?? p.view.summary.firstFiscalYear;
    const shown = state ?? emptyKpiForm();
    const query = {
      scope: where.scope,
      [where.scope === 'project' ? 'project' : 'node']: where.id,
      fy,
    };
    return {
      p,
      owner,
      fy,
      render: () =>
        page(
          c,
          `KPI の追加 | ${p.view.summary.title}`,
          <KpiFormPage
            mode="new"
            action={urls.planPage(p, 'kpis/new', query)}
            backUrl={urls.planPage(p, 'kpis', { fy })}
            csrf={c.get('csrfToken')}
            scope={where.scope}
            path={ownerPath}
            years={targetYears(p.view, shown)}
            state={shown}
            errors={errors}
          />,
          {
            municipality: p.municipality,
            nav: nav(p, fy, false),
            status: Object.keys(errors).length > 0 ? 422 : 200,
          },
        ),
    };
  };

  app.get(`${path}/new`, async (c) => (await newForm(c, null)).render());

  app.post(`${path}/new`, async (c) => {
    requireActor(c.get('actor'));
    const first = await newForm(c, null);
    const years = fiscalYearsBetween(
      first.p.view.summary.firstFiscalYear,
      first.p.view.summary.lastFiscalYear,
    );
    const state = readKpiForm(await formBody(c), years);
    const checked = validateKpiForm(state, { scope: first.owner.scope, id: first.owner.id });
    if (!checked.ok) return (await newForm(c, state, checked.errors)).render();
    const id = await saveKpi(c.get('app'), first.p.actor, {
      municipalityCode: first.p.code,
      planId: first.p.planId,
      input: checked.input,
    });
    return c.redirect(urls.kpi(first.p, id, { fy: first.fy, saved: 1 }), 303);
  });

  app.post(`${path}/import`, async (c) => {
    const actor = requireActor(c.get('actor'));
    const p = await planContext(c);
    const fy = selectedYear(c, p.view);
    // Streamed to a temporary file like every upload (its reader checks CSRF), up to the
    // smaller of the KPI table's own limit and the server's upload limit.
    const limit = Math.min(MAX_UPLOAD_MB * 1024 * 1024, c.get('config').maxUploadBytes);
    const received = await receiveUpload(c, limit);
    const upload = received.files.file;
    let outcome: Awaited<ReturnType<typeof importKpis>>;
    const dryRun = received.fields.dryRun === '1';
    const fileName = upload?.name || 'kpis.csv';
    try {
      if (!upload || upload.size === 0) throw new SouseiError('usage', 'kpi.import.no-file');
      outcome = await importKpis(
        c.get('app'),
        { actor },
        {
          fileName,
          path: upload.path,
          municipalityCode: p.code,
          planId: p.planId,
          dryRun,
        },
      );
    } finally {
      await received.dispose();
    }
    const failed = outcome.findings.some((f) => f.severity === 'error');
    return renderList(c, p, fy, {
      report: {
        fileName,
        dryRun,
        written: outcome.written,
        rows: outcome.rows,
        findings: outcome.findings,
        changes: outcome.changes,
      },
      status: failed ? 422 : 200,
    });
  });

  app.get(`${path}/:kpiId`, async (c) => {
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const saved = c.req.query('saved');
    const notice =
      saved === '1'
        ? t('kpi.saved')
        : saved === 'actual'
          ? t('kpi.actual-saved', { fiscalYear: fyLabel(fy) })
          : saved === 'linked'
            ? c.req.query('value')
              ? t('kpi.linked-with-value', {
                  value: kpiNumber(Number(c.req.query('value'))),
                  fiscalYear: fyLabel(fy),
                })
              : t('kpi.linked')
            : saved === 'unlinked'
              ? t('kpi.unlinked')
              : null;
    return renderDetail(c, p, kpiId, fy, { notice });
  });

  // The definition of an existing KPI (its owner stays).
  const editForm = async (
    c: Context<ServerEnv>,
    state: KpiFormState | null,
    errors: FieldErrors = {},
  ) => {
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canManage) throw new SouseiError('forbidden', 'auth.forbidden');
    const stored = kpiFormOf(detail.line.record);
    const shown = state ?? stored;
    return {
      p,
      kpiId,
      fy,
      owner: detail.line.owner,
      years: targetYears(p.view, stored),
      render: () =>
        page(
          c,
          `KPI の編集 | ${p.view.summary.title}`,
          <KpiFormPage
            mode="edit"
            action={urls.kpiPage(p, kpiId, 'edit', { fy })}
            backUrl={urls.kpi(p, kpiId, { fy })}
            csrf={c.get('csrfToken')}
            scope={detail.line.owner.scope}
            path={detail.path}
            years={targetYears(p.view, shown)}
            state={shown}
            errors={errors}
          />,
          {
            municipality: p.municipality,
            nav: nav(p, fy, false),
            status: Object.keys(errors).length > 0 ? 422 : 200,
          },
        ),
    };
  };

  app.get(`${path}/:kpiId/edit`, async (c) => (await editForm(c, null)).render());

  app.post(`${path}/:kpiId/edit`, async (c) => {
    requireActor(c.get('actor'));
    const first = await editForm(c, null);
    const state = readKpiForm(await formBody(c), first.years);
    const checked = validateKpiForm(state, { scope: first.owner.scope, id: first.owner.id });
    if (!checked.ok) return (await editForm(c, state, checked.errors)).render();
    await saveKpi(c.get('app'), first.p.actor, {
      municipalityCode: first.p.code,
      planId: first.p.planId,
      kpiId: first.kpiId,
      input: checked.input,
    });
    return c.redirect(urls.kpi(first.p, first.kpiId, { fy: first.fy, saved: 1 }), 303);
  });

  app.post(`${path}/:kpiId/actuals`, async (c) => {
    requireActor(c.get('actor'));
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const body: FormBody = await formBody(c);
    const fy = Number(field(body, 'fy'));
    if (!Number.isInteger(fy) || !p.view.readableYears.includes(fy)) throw notFound();
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canEnterActual) throw new SouseiError('forbidden', 'auth.forbidden');
    const state = readActualForm(body);
    const checked = validateActualForm(state, fy);
    if (!checked.ok) {
      return renderDetail(c, p, kpiId, fy, {
        actualForm: state,
        actualErrors: checked.errors,
        status: 422,
      });
    }
    await saveKpiActual(c.get('app'), p.actor, {
      municipalityCode: p.code,
      kpiId,
      input: checked.input,
    });
    return c.redirect(urls.kpi(p, kpiId, { fy, saved: 'actual' }), 303);
  });

  app.post(`${path}/:kpiId/link`, async (c) => {
    requireActor(c.get('actor'));
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canEnterActual) throw new SouseiError('forbidden', 'auth.forbidden');
    const body = await formBody(c);
    const entry = field(body, 'entry');
    if (!/^\d{1,12}$/.test(entry)) throw new SouseiError('usage', 'form.stale');
    const unlink = field(body, 'action') === 'unlink';
    try {
      const value = await linkEntryToKpi(c.get('app'), p.actor, {
        municipalityCode: p.code,
        entryId: Number(entry),
        kpiId: unlink ? null : kpiId,
        takeValue: !unlink && field(body, 'take') === '1',
      });
      const saved = unlink ? 'unlinked' : 'linked';
      return c.redirect(urls.kpi(p, kpiId, { fy, saved, value: unlink ? null : value }), 303);
    } catch (error) {
      if (error instanceof SouseiError && error.code === 'invalid-input') {
        return renderDetail(c, p, kpiId, fy, {
          linkError: t(error.messageKey, error.params),
          status: 422,
        });
      }
      throw error;
    }
  });

  return app;
}
