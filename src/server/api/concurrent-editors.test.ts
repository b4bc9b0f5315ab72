import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../app/auth/api-tokens.ts';
import { loadActor } from '../../app/auth/users.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type TestServer } from '../test-server.ts';

/**
 * Issue 9: 100 editors save through the API at once, 20 of them on the same project, the others
 * spread over the rest. Each reads the version first and, refused as stale (409), reads it again
 * and retries, until its own value lands. No update may be lost: the versions a project's
 * successful saves return are distinct and consecutive, the final value is the one saved last,
 * and every landed change is in the history exactly once.
 */
const EDITORS = 100;
const CONTESTED = 20;
const FY = 2021; // R3, open for entry in the demo set-up
const MAX_ATTEMPTS = EDITORS * 2;

interface Landed {
  projectId: number;
  budget: number;
  version: number;
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`100 concurrent editors on ${dialect}`, () => {
    let server: TestServer;
    const db = () => databaseOf(server.ctx.store);

    beforeAll(async () => {
      server = await createTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    async function tokenOf(email: string): Promise<string> {
      const user = await db()
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      const actor = await loadActor(server.ctx, user.id);
      if (!actor) throw new Error(`no actor ${email}`);
      return (await createApiToken(server.ctx, actor, 'concurrency')).secret;
    }

    async function versionOf(projectId: number): Promise<number> {
      const row = await db()
        .selectFrom('projects')
        .select('version')
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      return row.version;
    }

    it('loses no update and records every landed change exactly once', async () => {
      const projects = await db()
        .selectFrom('projects')
        .select(['id', 'no'])
        .where('plan_id', '=', server.planId)
        .execute();
      const idOf = (no: number) => {
        const p = projects.find((r) => r.no === String(no));
        if (!p) throw new Error(`no project ${no}`);
        return p.id;
      };
      const token = {
        admin: await tokenOf(DEMO.admin),
        industry: await tokenOf(DEMO.industry),
        childcare: await tokenOf(DEMO.childcare),
      };
      // Project 1 is contested by its department's editor and the administrator; the others
      // go round the sample's projects, each by someone allowed to edit it (README: 1–10 経済部
      // 産業振興課, 11–15 子育て支援課, the rest by the administrator).
      const editors = Array.from({ length: EDITORS }, (_, i) => {
        const no = i < CONTESTED ? 1 : 2 + ((i - CONTESTED) % 23);
        const who =
          no === 1
            ? i % 2 === 0
              ? token.industry
              : token.admin
            : no <= 10
              ? token.industry
              : no <= 15
                ? token.childcare
                : token.admin;
        return { projectId: idOf(no), token: who, budget: 50_000 + i, settlement: i };
      });
      const startedAt =
        (
          await db()
            .selectFrom('changes')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst()
        )?.id ?? 0;

      const statuses = new Map<number, number>();
      const save = async (e: (typeof editors)[number]): Promise<Landed> => {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const version = await versionOf(e.projectId);
          const response = await server.app.request(`/api/v1/projects/${e.projectId}/years/${FY}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${e.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ version, budget: e.budget, settlement: e.settlement }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const body = (await response.json()) as { version: number };
          if (response.status === 200) {
            return { projectId: e.projectId, budget: e.budget, version: body.version };
          }
          // The only refusal a well-formed save may meet is a stale version.
          expect(response.status, JSON.stringify(body)).toBe(409);
        }
        throw new Error(`editor of project ${e.projectId} never landed`);
      };
      const landed = await Promise.all(editors.map(save));

      expect([...statuses.keys()].sort()).toEqual(
        (statuses.get(409) ?? 0) > 0 ? [200, 409] : [200],
      );
      expect(statuses.get(200)).toBe(EDITORS);

      const finances = await db()
        .selectFrom('project_finances')
        .select(['project_id', 'budget'])
        .where('fiscal_year', '=', FY)
        .execute();
      const byProject = new Map<number, Landed[]>();
      for (const l of landed)
        byProject.set(l.projectId, [...(byProject.get(l.projectId) ?? []), l]);
      for (const [projectId, saves] of byProject) {
        // Each landed save got its own version: none was written over unseen.
        const versions = saves.map((s) => s.version).sort((a, b) => a - b);
        const first = versions[0] as number;
        expect(versions).toEqual(versions.map((_, k) => first + k));
        expect(await versionOf(projectId)).toBe(versions.at(-1));
        const last = saves.find((s) => s.version === versions.at(-1));
        const stored = finances.find((f) => f.project_id === projectId)?.budget;
        expect(stored).toBe((last?.budget ?? 0) * 1000); // 千円 in, yen stored
      }

      // The history holds each landed budget once, and nothing else for these saves.
      const changes = await db()
        .selectFrom('changes')
        .select(['project_id', 'target', 'after'])
        .where('id', '>', Number(startedAt))
        .where('fiscal_year', '=', FY)
        .execute();
      const budgetChanges = changes
        .filter((c) => JSON.parse(c.target).field === 'budget')
        .map((c) => `${c.project_id}:${JSON.parse(c.after ?? 'null')}`)
        .sort();
      const expected = landed.map((l) => `${l.projectId}:${l.budget * 1000}`).sort();
      expect(budgetChanges).toEqual(expected);
    });
  });
}
