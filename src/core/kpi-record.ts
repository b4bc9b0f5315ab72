import type { FiscalYear } from './fiscal-year.ts';
import type {
  KpiActual,
  KpiCategory,
  KpiDefinition,
  KpiDirection,
  KpiKind,
  KpiScope,
} from './kpi.ts';

/** A stored KPI: where it belongs, its definition and its actuals. */
export interface KpiRecord {
  id: number;
  scope: KpiScope;
  /** The goal or measure node (scope goal/measure). */
  nodeId: number | null;
  /** The project (scope project). */
  projectId: number | null;
  position: number;
  /** The fiscal year it was defined in (null: it came with the plan); decides who sees it. */
  introducedIn: FiscalYear | null;
  definition: KpiDefinition;
  actuals: (KpiActual & { entryId: number | null })[];
}

/** A KPI's definition as a writer hands it to the store (a form, an import row). */
export interface KpiFields {
  scope: KpiScope;
  nodeId: number | null;
  projectId: number | null;
  name: string;
  unit: string;
  direction: KpiDirection;
  kind: KpiKind;
  baselineValue: number | null;
  baselineFiscalYear: FiscalYear | null;
  /** Both null for a KPI without a final target. */
  targetValue: number | null;
  targetFiscalYear: FiscalYear | null;
  yearTargets: { fiscalYear: FiscalYear; value: number }[];
  /** 活動指標 or 成果指標; undefined keeps what is stored (a form that does not show it). */
  category?: KpiCategory | null;
}

/** One year's actual as a writer hands it to the store. */
export interface KpiActualFields {
  fiscalYear: FiscalYear;
  value: number;
  asOf: string | null;
  source: string | null;
}

/** A KPI's definition and owner as the fields every writer stores and compares. */
export function fieldsOf(
  k: Pick<KpiRecord, 'scope' | 'nodeId' | 'projectId' | 'definition'>,
): KpiFields {
  const d = k.definition;
  return {
    scope: k.scope,
    nodeId: k.nodeId,
    projectId: k.projectId,
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    kind: d.kind,
    baselineValue: d.baseline?.value ?? null,
    baselineFiscalYear: d.baseline?.fiscalYear ?? null,
    targetValue: d.target?.value ?? null,
    targetFiscalYear: d.target?.fiscalYear ?? null,
    yearTargets: d.yearTargets,
    category: d.category ?? null,
  };
}
