import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiDefinition } from '../../core/kpi.ts';
import type { KnownMunicipality } from '../../core/municipalities.ts';
import type { Activity, Entry, Finance, PlanNode, Project } from '../../core/plan.ts';
import { MURORAN_CONVENTIONS } from '../../core/plan.ts';
import type { YearStatus } from '../../core/workflow.ts';
import {
  GENERATED_FIRST_YEAR as FIRST,
  GENERATED_PROJECTS,
  type GeneratedKpi,
  type GeneratedMunicipality,
  GENERATED_LAST_YEAR as LAST,
} from './generated-municipality.ts';
import { createRandom, hash32, type Random } from './random.ts';
import { THEMES } from './themes.ts';
import {
  type ActivityWords,
  CANCELLED,
  type IndicatorWords,
  type MeasureWords,
  NOTES,
  PROJECT_KINDS,
  REVISIONS,
  SOURCES,
} from './vocabulary.ts';

/**
 * One municipality's plan (第2期総合戦略, R2–R6): 3 basic goals → directions → measures → 50
 * projects, with budgets and settlements, results with figures, revisions, notes, KPIs with
 * actuals and year statuses. Its own random stream comes from the seed and the code alone, so a
 * municipality's data does not depend on how many others are generated with it.
 */
export function generateMunicipality(
  municipality: Pick<KnownMunicipality, 'code' | 'name'>,
  seed: number,
): GeneratedMunicipality {
  const random = createRandom(hash32(`${seed}:${municipality.code}`));
  const years = yearStatuses(random);
  const reported = lastReportedYear(years);
  const local = localizer(municipality.name);
  const kpis: GeneratedKpi[] = [];
  const nodes: PlanNode[] = [];
  const projects: Project[] = [];
  const themes = random.sample(THEMES, 3);
  const measures: { node: PlanNode; words: MeasureWords; department: string }[] = [];
  themes.forEach((theme, g) => {
    const goal: PlanNode = {
      title: `${g + 1}. ${theme.goal.replace('{name}', municipality.name)}`,
      children: [],
      projects: [],
    };
    nodes.push(goal);
    kpis.push(indicator(random, 'goal', goal.title, theme.kpi, local, reported));
    for (const direction of theme.directions) {
      const node: PlanNode = { title: direction.title, children: [], projects: [] };
      goal.children.push(node);
      const count = random.int(2, direction.measures.length);
      for (const words of random.sample(direction.measures, count)) {
        const measure: PlanNode = { title: words.title, children: [], projects: [] };
        node.children.push(measure);
        measures.push({ node: measure, words, department: random.pick(theme.departments) });
        kpis.push(indicator(random, 'measure', measure.title, words.kpi, local, reported));
      }
    }
  });
  const counts = projectCounts(random, measures.length);
  measures.forEach((m, i) => {
    const names = new Set<string>();
    for (let k = 0; k < (counts[i] ?? 0); k++) {
      const no = String(projects.length + 1);
      const { department } = m;
      const made = project(random, { no, words: m.words, department, names, reported });
      const finished: Project = {
        ...made.project,
        name: local(made.project.name),
        finances: financesOf(random, reported, made.entered),
      };
      m.node.projects.push(finished);
      projects.push(finished);
      if (made.kpi) kpis.push(made.kpi);
    }
  });
  return {
    plan: {
      municipality: { code: municipality.code, name: municipality.name },
      plan: {
        title: `第2期${municipality.name}まち・ひと・しごと創生総合戦略`,
        kind: '総合戦略',
        firstFiscalYear: FIRST,
        lastFiscalYear: LAST,
        levels: ['基本目標', '分類', '具体的な施策', '事業'],
      },
      amountUnit: '千円',
      conventions: { ...MURORAN_CONVENTIONS, checkbox: '☐' },
      nodes,
      statedTotals: [],
    },
    kpis,
    years,
  };
}

/** Some years published from R2 on, the next open (now and then locked), the rest preparing. */
function yearStatuses(random: Random): GeneratedMunicipality['years'] {
  const published = random.pick([1, 2, 3, 3, 3, 4]);
  const out: GeneratedMunicipality['years'] = [];
  for (let fy = FIRST; fy <= LAST; fy++) {
    let status: YearStatus = 'preparing';
    if (fy < FIRST + published) status = 'published';
    else if (fy === FIRST + published) status = random.chance(0.15) ? 'locked' : 'open';
    out.push({ fiscalYear: fy, status });
  }
  return out;
}

/** The last year with results and settlements: the open or locked one. */
function lastReportedYear(years: GeneratedMunicipality['years']): FiscalYear {
  const current = years.filter((y) => y.status !== 'preparing').at(-1);
  return current?.fiscalYear ?? FIRST;
}

/** `市内`/`市民` read `町内`/`県民` … after the body's own kind (its name's last character). */
function localizer(name: string): (text: string) => string {
  const suffix = name.at(-1) ?? '市';
  const kind = '市町村区都道府県'.includes(suffix) ? suffix : '市';
  return (text) => text.replaceAll('市内', `${kind}内`).replaceAll('市民', `${kind}民`);
}

/** At least two projects per measure, the rest spread at random, 50 in all. */
function projectCounts(random: Random, measures: number): number[] {
  const counts = Array.from({ length: measures }, () => 2);
  for (let left = GENERATED_PROJECTS - 2 * measures; left > 0; left--) {
    const i = random.int(0, measures - 1);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** A goal's 数値目標 or a measure's KPI: baseline R1, target R6, actuals up to the reported year. */
function indicator(
  random: Random,
  scope: 'goal' | 'measure',
  owner: string,
  words: IndicatorWords,
  local: (text: string) => string,
  reported: FiscalYear,
): GeneratedKpi {
  const d = words.decimals ?? 0;
  const [lo, hi] = words.base;
  const baseline = round(lo + random.next() * (hi - lo), d);
  const gain = Math.max(Math.abs(baseline) * (0.05 + random.next() * 0.2), 10 ** -d);
  const target =
    words.direction === 'lower'
      ? round(Math.max(0, baseline - gain * 3), d)
      : round(baseline + gain, d);
  const source = random.pick(SOURCES);
  const actuals = [];
  for (let fy = FIRST; fy <= reported; fy++) {
    const progress = ((fy - FIRST + 1) / (LAST - FIRST + 1)) * (0.2 + random.next() * 1.2);
    const value = round(baseline + (target - baseline) * progress, d);
    actuals.push({
      fiscalYear: fy,
      value: words.direction === 'lower' ? Math.max(0, value) : value,
      asOf: `${fy + 1}-03-31`,
      source,
    });
  }
  const definition: KpiDefinition = {
    name: local(words.name),
    unit: words.unit,
    direction: words.direction,
    kind: 'annual',
    baseline: { value: baseline, fiscalYear: FIRST - 1 },
    target: { value: target, fiscalYear: LAST },
    yearTargets: [],
    category: 'outcome',
  };
  return { scope, owner, definition, actuals };
}

/** Thousands separated as Japanese tables write figures: 参加者1,234名. */
const figure = (n: number) => n.toLocaleString('en-US');

const yearLabel = (fy: FiscalYear) => `R${fy - 2018}…`;

interface MadeProject {
  project: Project;
  /** Whether the reported year's figures are entered yet (its settlement and results). */
  entered: boolean;
  kpi: GeneratedKpi | null;
}

function project(
  random: Random,
  p: {
    no: string;
    words: MeasureWords;
    department: string;
    names: Set<string>;
    reported: FiscalYear;
  },
): MadeProject {
  let name = '';
  for (let tries = 0; tries < 20 && (name === '' || p.names.has(name)); tries++) {
    name = `${random.pick(p.words.topics)}${random.pick(PROJECT_KINDS)}`;
  }
  if (p.names.has(name)) name = `${name}（${p.no}）`;
  p.names.add(name);
  const entered = random.chance(0.6);
  const withKpi = random.chance(0.3);
  const chosen = random.sample(p.words.activities, random.pick([1, 1, 2, 2, 2, 3]));
  // Results reach the reported year only once its figures are entered.
  const last = entered ? p.reported : p.reported - 1;
  const activities: Activity[] = [];
  let kpi: GeneratedKpi | null = null;
  chosen.forEach((words, i) => {
    const made = activity(random, words, withKpi && i === 0, last);
    activities.push(made.activity);
    if (withKpi && i === 0) kpi = projectKpi(p.no, words, made.figures);
  });
  const notes = random.chance(0.15) ? [random.pick(NOTES)] : [];
  const department = random.chance(0.85) ? p.department : null;
  return {
    project: { no: p.no, name, notes, department, finances: [], activities },
    entered,
    kpi,
  };
}

function activity(
  random: Random,
  words: ActivityWords,
  isKpi: boolean,
  last: FiscalYear,
): { activity: Activity; figures: { fiscalYear: FiscalYear; value: number }[] } {
  const entries: Entry[] = [];
  const figures: { fiscalYear: FiscalYear; value: number }[] = [];
  const [lo, hi] = words.range;
  let value = random.int(lo, hi);
  for (let fy = FIRST; fy <= last; fy++) {
    value = Math.max(0, Math.round(value * (0.85 + random.next() * 0.4)));
    const cancelled = fy === FIRST && !isKpi && random.chance(0.06);
    const text = cancelled ? CANCELLED : `${words.result}${figure(value)}${words.unit}`;
    entries.push({ kind: 'result', fiscalYear: fy, yearLabel: yearLabel(fy), text, kpi: isKpi });
    if (!cancelled) figures.push({ fiscalYear: fy, value });
    if (random.chance(0.15)) {
      const revision = random.pick(REVISIONS);
      entries.push({
        kind: 'revision',
        fiscalYear: fy,
        yearLabel: yearLabel(fy),
        text: revision,
        kpi: false,
      });
    }
  }
  return {
    activity: { title: words.text, text: words.text, source: null, relistOf: null, entries },
    figures,
  };
}

/** A 事業KPI whose actuals are the figures of the project's first activity (its KPI results). */
function projectKpi(
  no: string,
  words: ActivityWords,
  figures: { fiscalYear: FiscalYear; value: number }[],
): GeneratedKpi {
  const first = figures[0]?.value ?? words.range[0];
  const name = /[数率]$/.test(words.result) ? words.result : `${words.result}数`;
  return {
    scope: 'project',
    owner: no,
    definition: {
      name,
      unit: words.unit,
      direction: 'higher',
      kind: 'annual',
      baseline: null,
      target: { value: Math.round(first * 1.2) + 1, fiscalYear: LAST },
      yearTargets: [],
      category: 'activity',
    },
    actuals: figures.map((f) => ({
      fiscalYear: f.fiscalYear,
      value: f.value,
      asOf: `${f.fiscalYear + 1}-03-31`,
      source: '事業実績',
    })),
  };
}

/**
 * Budgets up to the year after the reported one, settlements for closed years and, once entered,
 * the reported year; now and then a budget or settlement is missing (null, never 0).
 */
function financesOf(random: Random, reported: FiscalYear, entered: boolean): Finance[] {
  const base = Math.round(Math.exp(Math.log(300) + random.next() * Math.log(200)));
  const out: Finance[] = [];
  for (let fy = FIRST; fy <= Math.min(LAST, reported + 1); fy++) {
    const budgetK = random.chance(0.03) ? null : Math.round(base * (0.85 + random.next() * 0.35));
    const settled = fy < reported || (fy === reported && entered);
    let settlementK: number | null = null;
    if (settled && budgetK !== null && !random.chance(0.03)) {
      settlementK = random.chance(0.01) ? 0 : Math.round(budgetK * (0.55 + random.next() * 0.51));
    }
    out.push({
      fiscalYear: fy,
      budget: budgetK === null ? null : budgetK * 1000,
      settlement: settlementK === null ? null : settlementK * 1000,
    });
  }
  return out;
}
