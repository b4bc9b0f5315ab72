import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../app/auth/api-tokens.ts';
import { loadActor } from '../../app/auth/users.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type TestServer } from '../test-server.ts';
import { type AnalysisList, AnalysisListSchema } from './analysis-api.ts';
import { ErrorSchema } from './schemas.ts';

/**
 * GET /api/v1/plans/{id}/analysis on the demo (R2 published, R3 open): the public reads the
 * approved texts of published years, a token the texts and drafts its user sees on the page.
 */

const APPROVED = '令和2年度は、移住相談と合同企業説明会が計画どおり実施された。';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the analysis API on ${dialect}`, () => {
    let server: TestServer;
    let path: string;
    const token = { committee: '', admin: '' };

    async function tokenOf(email: string) {
      const user = await server.ctx.store.users.findByEmail(email);
      const actor = await loadActor(server.ctx, user?.id ?? 0);
      if (!actor) throw new Error(`no actor ${email}`);
      return (await createApiToken(server.ctx, actor, 'analysis')).secret;
    }

    async function read(query: string, secret?: string, status = 200) {
      const headers: Record<string, string> = secret ? { authorization: `Bearer ${secret}` } : {};
      const res = await server.app.request(`${path}${query}`, { headers });
      const text = await res.text();
      expect(res.status, text).toBe(status);
      return JSON.parse(text) as unknown;
    }
    const list = async (query: string, secret?: string): Promise<AnalysisList> =>
      AnalysisListSchema.parse(await read(query, secret));
    const errorCode = async (query: string, status: number, secret?: string) =>
      ErrorSchema.parse(await read(query, secret, status)).error.code;

    beforeAll(async () => {
      server = await createTestServer(dialect);
      path = `/api/v1/plans/${server.planId}/analysis`;
      token.committee = await tokenOf(DEMO.committee);
      token.admin = await tokenOf(DEMO.admin);
    }, 60_000);
    afterAll(() => server?.close());

    it('gives the public nothing unapproved, and no year it may not read', async () => {
      expect(await list('?fiscalYear=2020')).toEqual({
        planId: server.planId,
        fiscalYear: 2020,
        items: [],
      });
      expect(await errorCode('?fiscalYear=2021', 404)).toBe('not-found');
      expect(await errorCode('', 400)).toBe('usage');
      expect(await errorCode('?fiscalYear=nonsense', 400)).toBe('usage');
      const other = `/api/v1/plans/${server.planId + 1000}/analysis?fiscalYear=2020`;
      expect((await server.app.request(other)).status).toBe(404);
    });

    it("gives a member every scope's draft, of the open year too", async () => {
      const r2 = await list('?fiscalYear=R2', token.committee);
      expect(r2.fiscalYear).toBe(2020);
      expect(r2.items.length).toBeGreaterThan(3);
      const [plan] = r2.items;
      expect(plan).toMatchObject({ scope: 'plan', nodeId: null, state: 'draft', approvedAt: null });
      expect(plan?.text).toContain(
        '予算は計70,090千円、決算は計52,139千円で、執行率は74.4%であった。',
      );
      expect(r2.items.some((i) => i.scope === 'goal' && i.nodeId !== null)).toBe(true);
      expect(r2.items.some((i) => i.scope === 'measure')).toBe(true);
      const r3 = await list('?fiscalYear=2021', token.committee);
      expect(r3.items.length).toBe(r2.items.length);
    });

    it('gives the public the approved text once approved, with when; members the rest too', async () => {
      const admin = await server.signIn(DEMO.admin);
      const page = `/m/012050/plans/${server.planId}/analysis?fy=2020&scope=plan`;
      const approve = await admin.post(page, {
        scope: 'plan',
        text: APPROVED,
        version: '0',
        action: 'approve',
      });
      expect(approve.status).toBe(303);
      const open = await list('?fiscalYear=2020');
      expect(open.items).toHaveLength(1);
      expect(open.items[0]).toMatchObject({ scope: 'plan', state: 'approved', text: APPROVED });
      expect(Number.isNaN(Date.parse(open.items[0]?.approvedAt ?? ''))).toBe(false);
      const member = await list('?fiscalYear=2020', token.admin);
      expect(member.items[0]).toEqual(open.items[0]);
      expect(member.items.slice(1).every((i) => i.state === 'draft')).toBe(true);
    });
  });
}
