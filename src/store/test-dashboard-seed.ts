import { databaseOf } from './raw-database.ts';
import { openStore } from './store.ts';

/**
 * The demo database's extra rows for the dashboard's browser test, written beside the running
 * server as the KPI pages would: eight KPIs under the three goals with R2/R3 actuals, and R3
 * locked with a stated total its projects do not add up to. Returns the plan's id.
 */
export async function seedDashboardKpis(databaseUrl: string) {
  const store = openStore(databaseUrl);
  try {
    const db = databaseOf(store);
    const plan = await db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
    const goals = await db
      .selectFrom('plan_nodes')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('depth', '=', 0)
      .orderBy('position')
      .execute();
    const now = new Date().toISOString();
    // Per goal: [name, baseline, target, R2 actual or null, R3 actual or null].
    const kpis: [number, string, number, number, number | null, number | null][] = [
      [0, '市内企業への就職者数', 50, 100, 102, 104],
      [0, '創業件数', 10, 30, 26, null],
      [0, '企業誘致件数', 2, 12, 7, 9],
      [1, '婚姻件数', 400, 480, 410, 430],
      [1, '待機児童数の減少', 20, 40, 38, null],
      [1, '子育て情報の閲覧数', 1000, 3000, null, null],
      [2, '観光入込客数（万人）', 150, 200, 120, 140],
      [2, 'クルーズ船寄港数', 5, 15, 16, null],
    ];
    let position = 0;
    for (const [goal, name, baseline, target, r2, r3] of kpis) {
      const { id } = await db
        .insertInto('kpis')
        .values({
          municipality_code: '012050',
          plan_id: plan.id,
          scope: 'goal',
          node_id: goals[goal]?.id ?? null,
          project_id: null,
          position: position++,
          name,
          unit: '件',
          direction: 'higher',
          kind: 'annual',
          baseline_value: baseline,
          baseline_fiscal_year: 2019,
          target_value: target,
          target_fiscal_year: 2024,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [fiscalYear, value] of [
        [2020, r2],
        [2021, r3],
      ] as const) {
        if (value === null) continue;
        await db
          .insertInto('kpi_actuals')
          .values({
            kpi_id: id,
            municipality_code: '012050',
            fiscal_year: fiscalYear,
            value,
            as_of: null,
            source: null,
            entry_id: null,
            updated_at: now,
            updated_by: null,
          })
          .execute();
      }
    }
    // R3 locked, with a stated total its projects do not add up to: publishing needs a reason.
    await db
      .insertInto('stated_totals')
      .values({
        plan_id: plan.id,
        municipality_code: '012050',
        fiscal_year: 2021,
        budget: 1_000_000,
        settlement: 900_000,
      })
      .execute();
    await db
      .updateTable('plan_years')
      .set({ status: 'locked' })
      .where('plan_id', '=', plan.id)
      .where('fiscal_year', '=', 2021)
      .execute();
    return plan.id;
  } finally {
    await store.close();
  }
}
