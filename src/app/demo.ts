import { SouseiError } from '../core/errors.ts';
import type { AppContext } from './app-context.ts';
import { generatePassword } from './auth/password.ts';
import { createUser, normaliseEmail, setPassword } from './auth/users.ts';
import { ensureSampleLoaded, SAMPLE_FILE } from './load-sample.ts';
import { readImportSettings, settingsPathFor } from './read-import-settings.ts';
import { resolvePlan } from './resolve-plan.ts';

/**
 * Demo mode (`npm start`): the sample plan, departments for its projects, FY R2 published and
 * FY R3 open for entry, and one account per role. Passwords are new random ones at every start,
 * printed on the console: never fixed ones. The source table names no 担当課, so the
 * departments here are illustrative, assigned only to projects that have none.
 */
const MUNICIPALITY = '012050';
const DEPARTMENTS: { name: string; projects: [number, number] }[] = [
  { name: '経済部 産業振興課', projects: [1, 10] },
  { name: '保健福祉部 子育て支援課', projects: [11, 15] },
  { name: '都市建設部 都市政策課', projects: [16, 17] },
  { name: '経済部 観光課', projects: [18, 24] },
];
const ACCOUNTS = [
  { email: 'kikaku@demo.sousei.example', name: '企画 太郎', role: 'admin', departments: [] },
  {
    email: 'sangyo@demo.sousei.example',
    name: '産業 花子',
    role: 'editor',
    departments: ['経済部 産業振興課'],
  },
  {
    email: 'kosodate@demo.sousei.example',
    name: '子育 次郎',
    role: 'editor',
    departments: ['保健福祉部 子育て支援課'],
  },
  { email: 'iin@demo.sousei.example', name: '委員 三郎', role: 'committee', departments: [] },
] as const;

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  password: string;
}

export async function setUpDemo(ctx: AppContext): Promise<DemoAccount[]> {
  await ensureSampleLoaded(ctx);
  // By its title: the demo city may hold other plans too (imported in the demo, say).
  const title = readImportSettings(settingsPathFor(SAMPLE_FILE), true).plan?.title;
  const plan = await resolvePlan(ctx, { municipalityCode: MUNICIPALITY, title });
  const now = ctx.now();
  for (const d of DEPARTMENTS) {
    const departmentId = await ctx.store.departments.ensure(MUNICIPALITY, d.name);
    const nos = Array.from({ length: d.projects[1] - d.projects[0] + 1 }, (_, i) =>
      String(d.projects[0] + i),
    );
    await ctx.store.plans.assignDepartment(MUNICIPALITY, plan.id, nos, departmentId);
  }
  for (const [fiscalYear, status] of [
    [2020, 'published'],
    [2021, 'open'],
  ] as const) {
    await ctx.store.years.setUp({
      municipalityCode: MUNICIPALITY,
      planId: plan.id,
      fiscalYear,
      status,
      at: now,
    });
  }
  const accounts: DemoAccount[] = [];
  for (const a of ACCOUNTS) {
    const password = generatePassword();
    const existing = await ctx.store.users.findByEmail(normaliseEmail(a.email));
    if (existing) await setPassword(ctx, existing.id, password);
    else {
      await createUser(ctx, {
        municipalityCode: MUNICIPALITY,
        email: a.email,
        name: a.name,
        role: a.role,
        password,
        departments: [...a.departments],
      });
    }
    accounts.push({ email: a.email, name: a.name, role: a.role, password });
  }
  if (accounts.length === 0) throw new SouseiError('internal', 'internal');
  return accounts;
}
