import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { KpiScope } from '../../core/kpi.ts';
import type { DB } from '../schema.ts';

/** A goal or measure node as KPI pages place KPIs under it. */
export interface KpiTreeNode {
  id: number;
  parentId: number | null;
  depth: number;
  title: string;
}

/** A project as KPI pages place KPIs under it. */
export interface KpiTreeProject {
  id: number;
  nodeId: number;
  no: string;
  name: string;
  departmentId: number | null;
}

/** Where a KPI belongs, for permissions: its scope, plan and the project's department. */
export interface KpiOwner {
  scope: KpiScope;
  departmentId: number | null;
  planId: number;
}

/** A result (▶) of a project that can be marked as a KPI result. */
export interface KpiResultRow {
  entryId: number;
  activityTitle: string;
  text: string;
  marked: boolean;
  linkedKpiId: number | null;
}

/**
 * The reads KPI use cases need around a KPI: the plan's tree in order, where a KPI would go or
 * is, and the results a KPI can take its actual from. All bounded by the municipality.
 */
export function kpiOwnerReads(db: Kysely<DB>) {
  return {
    /** The plan's nodes and projects in tree order (position, then id). */
    async tree(
      code: string,
      planId: number,
    ): Promise<{ nodes: KpiTreeNode[]; projects: KpiTreeProject[] }> {
      const [nodes, projects] = await Promise.all([
        db
          .selectFrom('plan_nodes')
          .select(['id', 'parent_id', 'depth', 'title'])
          .where('plan_id', '=', planId)
          .where('municipality_code', '=', code)
          .orderBy('position')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('projects')
          .select(['id', 'node_id', 'no', 'name', 'department_id'])
          .where('plan_id', '=', planId)
          .where('municipality_code', '=', code)
          .orderBy('position')
          .orderBy('id')
          .execute(),
      ]);
      return {
        nodes: nodes.map((n) => ({
          id: n.id,
          parentId: n.parent_id,
          depth: n.depth,
          title: n.title,
        })),
        projects: projects.map((p) => ({
          id: p.id,
          nodeId: p.node_id,
          no: p.no,
          name: p.name,
          departmentId: p.department_id,
        })),
      };
    },

    /** Where a KPI would belong: a project, a basic goal (top level) or a measure (below). */
    async ownerOf(
      code: string,
      planId: number,
      where: { scope: KpiScope; nodeId: number | null; projectId: number | null },
    ): Promise<KpiOwner> {
      if (where.scope === 'project') {
        const p = await db
          .selectFrom('projects')
          .select(['department_id'])
          .where('id', '=', where.projectId ?? -1)
          .where('municipality_code', '=', code)
          .where('plan_id', '=', planId)
          .executeTakeFirst();
        if (!p)
          throw new SouseiError('not-found', 'project.not-found', { id: where.projectId ?? '' });
        return { scope: 'project', departmentId: p.department_id, planId };
      }
      const n = await db
        .selectFrom('plan_nodes')
        .select(['depth'])
        .where('id', '=', where.nodeId ?? -1)
        .where('municipality_code', '=', code)
        .where('plan_id', '=', planId)
        .executeTakeFirst();
      if (!n || (where.scope === 'goal') !== (n.depth === 0)) {
        throw new SouseiError('not-found', 'kpi.node-not-found');
      }
      return { scope: where.scope, departmentId: null, planId };
    },

    /** A stored KPI's owner and unit; not-found outside the municipality. */
    async storedOwner(
      code: string,
      kpiId: number,
    ): Promise<KpiOwner & { unit: string; projectId: number | null; nodeId: number | null }> {
      const k = await db
        .selectFrom('kpis')
        .leftJoin('projects', 'projects.id', 'kpis.project_id')
        .select([
          'kpis.scope',
          'kpis.plan_id',
          'kpis.unit',
          'kpis.project_id',
          'kpis.node_id',
          'projects.department_id',
        ])
        .where('kpis.id', '=', kpiId)
        .where('kpis.municipality_code', '=', code)
        .executeTakeFirst();
      if (!k) throw new SouseiError('not-found', 'kpi.not-found');
      return {
        scope: k.scope as KpiScope,
        departmentId: k.department_id ?? null,
        planId: k.plan_id,
        unit: k.unit,
        projectId: k.project_id,
        nodeId: k.node_id,
      };
    },

    /** The results of a project in a fiscal year, in the table's order. */
    async resultsOf(code: string, projectId: number, fiscalYear: number): Promise<KpiResultRow[]> {
      const rows = await db
        .selectFrom('activity_entries')
        .innerJoin('activities', 'activities.id', 'activity_entries.activity_id')
        .select([
          'activity_entries.id',
          'activity_entries.text',
          'activity_entries.kpi',
          'activity_entries.kpi_id',
          'activities.title',
        ])
        .where('activities.project_id', '=', projectId)
        .where('activity_entries.municipality_code', '=', code)
        .where('activity_entries.kind', '=', 'result')
        .where('activity_entries.fiscal_year', '=', fiscalYear)
        .orderBy('activities.position')
        .orderBy('activity_entries.position')
        .execute();
      return rows.map((r) => ({
        entryId: r.id,
        activityTitle: r.title,
        text: r.text,
        marked: r.kpi === 1,
        linkedKpiId: r.kpi_id,
      }));
    },

    /** One activity entry with its project, for marking it as a KPI result. */
    async findEntry(code: string, entryId: number) {
      const e = await db
        .selectFrom('activity_entries')
        .innerJoin('activities', 'activities.id', 'activity_entries.activity_id')
        .innerJoin('projects', 'projects.id', 'activities.project_id')
        .select([
          'activity_entries.id',
          'activity_entries.kind',
          'activity_entries.fiscal_year',
          'activity_entries.text',
          'projects.id as project_id',
          'projects.plan_id',
          'projects.department_id',
        ])
        .where('activity_entries.id', '=', entryId)
        .where('activity_entries.municipality_code', '=', code)
        .executeTakeFirst();
      if (!e) return undefined;
      return {
        id: e.id,
        kind: e.kind,
        fiscalYear: e.fiscal_year,
        text: e.text,
        projectId: e.project_id,
        planId: e.plan_id,
        departmentId: e.department_id,
      };
    },
  };
}
