import type { AppContext } from '../app/app-context.ts';
import { openAppContext } from '../app/app-context.ts';
import { createSession } from '../app/auth/sessions.ts';
import { findUserByEmail } from '../app/auth/users.ts';
import { type DemoAccount, setUpDemo } from '../app/demo.ts';
import { importPlan } from '../app/import-plan.ts';
import { SAMPLE_FILE } from '../app/load-sample.ts';
import { readImportSettings, settingsPathFor } from '../app/read-import-settings.ts';
import type { DialectName } from '../store/database.ts';
import { createTestDatabase } from '../store/test-databases.ts';
import { readConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { scaledSample } from './test-scaled-sample.ts';

/**
 * Test support for the web application: the real app on a fresh database with the demo set-up
 * (sample plan, R2 published, R3 open, one account per role), driven in-process through
 * `app.request` — no port, no mocks.
 */
export interface TestServer {
  ctx: AppContext;
  /** The database, for a second store standing for another process. */
  databaseUrl: string;
  app: ReturnType<typeof createServer>;
  accounts: DemoAccount[];
  planId: number;
  /** A signed-in session for the demo account with this e-mail. */
  signIn(email: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string | string[]>): Promise<Response>;
}

export const DEMO = {
  admin: 'kikaku@demo.sousei.example',
  industry: 'sangyo@demo.sousei.example',
  childcare: 'kosodate@demo.sousei.example',
  committee: 'iin@demo.sousei.example',
} as const;

function encode(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form))
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return params.toString();
}

export interface TestServerOptions {
  /** The demo plan is the sample with its projects repeated this many times (default 1). */
  sampleTimes?: number;
}

export async function createTestServer(
  dialect: DialectName = 'sqlite',
  options: TestServerOptions = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const ctx = await openAppContext(database.url);
  if ((options.sampleTimes ?? 1) > 1) await importScaledSample(ctx, options.sampleTimes ?? 1);
  const accounts = await setUpDemo(ctx);
  const app = createServer(
    ctx,
    readConfig({ SOUSEI_MODE: 'production', SOUSEI_SECURE_COOKIES: 'false' }),
  );
  const [plan] = await ctx.store.plans.list();
  if (!plan) throw new Error('the demo has no plan');
  const session = (cookie: string, csrf: string): Session => ({
    cookie,
    csrf,
    get: async (path) => app.request(path, { headers: cookie ? { cookie } : {} }),
    post: async (path, form) =>
      app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
        body: encode({ _csrf: csrf, ...form }),
      }),
  });
  return {
    ctx,
    databaseUrl: database.url,
    app,
    accounts,
    planId: plan.id,
    async signIn(email) {
      const user = await findUserByEmail(ctx, email);
      const s = await createSession(ctx, user.id, user.municipalityCode);
      return session(`sousei_session=${s.token}`, s.csrfToken);
    },
    async close() {
      await ctx.store.close();
      await database.drop();
    },
  };
}

/** The sample, larger, imported as the demo plan (the demo then finds it by its title). */
async function importScaledSample(ctx: AppContext, times: number) {
  const settings = readImportSettings(settingsPathFor(SAMPLE_FILE), true);
  await importPlan(ctx, {
    bytes: scaledSample(times),
    fileName: 'scaled.tsv',
    municipalityCode: settings.municipality?.code,
    municipalityName: settings.municipality?.name,
    title: settings.plan?.title,
    kind: settings.plan?.kind,
    conventions: settings.conventions,
  });
}

/** The public: no session; its CSRF token comes from the cookie the first page sets. */
export async function anonymous(server: TestServer): Promise<Session> {
  const first = await server.app.request('/login');
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = cookie.split('=')[1] ?? '';
  const headers = (extra: Record<string, string> = {}) => ({ cookie, ...extra });
  return {
    cookie,
    csrf,
    get: async (path) => server.app.request(path, { headers: headers() }),
    post: async (path, form) =>
      server.app.request(path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: encode({ _csrf: csrf, ...form }),
      }),
  };
}

/** A project of the demo plan by its number, and the path of its page (the demo's city). */
export async function demoProject(
  server: TestServer,
  no = '1',
): Promise<{ id: number; page: string }> {
  const indexed = await server.ctx.store.plans.loadIndexed('012050', server.planId);
  const found = [...(indexed?.projects ?? [])].find(([project]) => project.no === no);
  if (!found) throw new Error(`the demo plan has no project ${no}`);
  const { id } = found[1];
  return { id, page: `/m/012050/plans/${server.planId}/projects/${id}` };
}
