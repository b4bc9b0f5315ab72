import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMunicipality } from '../../core/municipalities.ts';
import { allNodes, allProjects } from '../../core/plan.ts';
import { fromPlanDocument } from '../../formats/json/plan-document.ts';
import { generateMunicipality } from './generate-municipality.ts';
import { generateNationalSet, NATIONAL_BODIES, nationalSelection } from './national-set.ts';
import { planDocumentText, writeGeneratedSet } from './write-generated-set.ts';

const muroran = { code: '012050', name: '室蘭市' };

/** Every file of a folder with its bytes, by relative path. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['', 'plans', 'kpis']) {
    for (const f of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (f.isFile()) out[join(sub, f.name)] = readFileSync(join(dir, sub, f.name), 'utf8');
    }
  }
  return out;
}

describe('the national set', () => {
  it('covers the 1,741 municipalities and 47 prefectures, spread when fewer are asked', () => {
    expect(NATIONAL_BODIES).toHaveLength(1788);
    const three = nationalSelection(3).map((m) => m.prefecture);
    expect(new Set(three).size).toBe(3);
    expect(nationalSelection(5000)).toHaveLength(1788);
  });

  it('gives a municipality the same data whatever else is generated with it', () => {
    const alone = generateMunicipality(muroran, 5);
    const listed = findMunicipality('012050');
    if (!listed) throw new Error('室蘭市 is listed');
    expect(generateMunicipality(listed, 5)).toEqual(alone);
    expect(generateMunicipality(muroran, 6)).not.toEqual(alone);
  });

  it('writes byte-identical files for the same seed, different ones for another', async () => {
    const write = async (seed: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'sousei-generate-'));
      try {
        await writeGeneratedSet(dir, generateNationalSet({ seed, municipalities: 4 }), seed);
        return filesOf(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const first = await write(11);
    expect(Object.keys(first)).toHaveLength(1 + 4 + 4);
    expect(await write(11)).toEqual(first);
    expect(await write(12)).not.toEqual(first);
  });
});

describe('a generated plan', () => {
  const g = generateMunicipality(muroran, 1);
  const projects = allProjects(g.plan);

  it('has 3 goals over directions and measures, and 50 numbered projects', () => {
    expect(g.plan.nodes).toHaveLength(3);
    expect(g.plan.nodes.map((n) => n.title.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    const depths = allNodes(g.plan).map((n) => n.depth);
    expect(new Set(depths)).toEqual(new Set([0, 1, 2]));
    expect(projects.map((p) => p.no)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(new Set(projects.map((p) => p.name)).size).toBe(50);
    expect(g.plan.plan).toMatchObject({ firstFiscalYear: 2020, lastFiscalYear: 2024 });
  });

  it('has yen amounts, results with figures, revisions and notes', () => {
    const finances = projects.flatMap((p) => p.finances);
    expect(finances.some((f) => f.budget !== null && f.budget % 1000 === 0)).toBe(true);
    expect(finances.every((f) => f.budget === null || Number.isInteger(f.budget))).toBe(true);
    const entries = projects.flatMap((p) => p.activities.flatMap((a) => a.entries));
    const results = entries.filter((e) => e.kind === 'result');
    expect(results.some((e) => /^参加者[\d,]+名$/.test(e.text))).toBe(true);
    expect(results.every((e) => e.yearLabel === `R${(e.fiscalYear ?? 0) - 2018}…`)).toBe(true);
    expect(entries.some((e) => e.kind === 'revision')).toBe(true);
    const generated = Array.from({ length: 20 }, (_, i) => generateMunicipality(muroran, i));
    const all = generated.flatMap((x) => allProjects(x.plan));
    expect(all.some((p) => p.notes.length > 0)).toBe(true);
    expect(all.some((p) => p.finances.some((f) => f.budget === null))).toBe(true);
    expect(all.some((p) => p.finances.some((f) => f.settlement === null))).toBe(true);
    expect(generated.some((x) => x.years.some((y) => y.status === 'locked'))).toBe(true);
  });

  it('has KPIs with baselines, targets and actuals only up to the reported year', () => {
    const scopes = new Set(g.kpis.map((k) => k.scope));
    expect(scopes).toEqual(new Set(['goal', 'measure', 'project']));
    expect(g.kpis.filter((k) => k.scope === 'goal')).toHaveLength(3);
    const open = g.years.find((y) => y.status === 'open' || y.status === 'locked');
    expect(g.years.filter((y) => y.status === 'published').length).toBeGreaterThan(0);
    const last = open?.fiscalYear ?? 2024;
    for (const k of g.kpis) {
      expect(k.definition.target?.fiscalYear).toBe(2024);
      expect(k.actuals.every((a) => a.fiscalYear <= last)).toBe(true);
    }
    const goal = g.kpis.find((k) => k.scope === 'goal');
    expect(goal?.definition.baseline?.fiscalYear).toBe(2019);
    expect(goal?.actuals.length).toBeGreaterThan(0);
  });

  it('reads back from its JSON document as the same plan', () => {
    const read = fromPlanDocument(JSON.parse(planDocumentText(g)), 'x.json');
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read.plan?.nodes).toEqual(g.plan.nodes);
  });
});
