import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPlanDocument } from '../../formats/json/plan-document.ts';
import type { GeneratedMunicipality } from './generated-municipality.ts';
import { generatedKpiCsv } from './kpi-csv.ts';

/** What a folder of generated data holds, in `national.json` next to the files. */
export interface GeneratedManifest {
  generator: 'sousei generate';
  seed: number;
  municipalities: {
    code: string;
    name: string;
    /** The plan's JSON document (docs/json-format.md), importable with `sousei import`. */
    plan: string;
    /** Its KPIs as `sousei kpi import` reads them (docs/kpi-import.md). */
    kpis: string;
    /** Each fiscal year's status (2020: 'published', …). */
    years: Record<string, string>;
  }[];
}

/** A plan's JSON document exactly as `sousei export --format json` writes it. */
export function planDocumentText(g: GeneratedMunicipality): string {
  return `${JSON.stringify(toPlanDocument(g.plan), null, 2)}\n`;
}

/**
 * Writes a generated set to `dir`: plans/CODE.json, kpis/CODE.csv and national.json. Nothing
 * depends on the clock, so the same seed writes byte-identical files.
 */
export async function writeGeneratedSet(
  dir: string,
  set: Iterable<GeneratedMunicipality>,
  seed: number,
  onProgress?: (done: number) => void,
): Promise<GeneratedManifest> {
  await mkdir(join(dir, 'plans'), { recursive: true });
  await mkdir(join(dir, 'kpis'), { recursive: true });
  const manifest: GeneratedManifest = { generator: 'sousei generate', seed, municipalities: [] };
  for (const g of set) {
    const { code, name } = g.plan.municipality;
    const plan = `plans/${code}.json`;
    const kpis = `kpis/${code}.csv`;
    await writeFile(join(dir, plan), planDocumentText(g));
    await writeFile(join(dir, kpis), generatedKpiCsv(g.kpis));
    const years = Object.fromEntries(g.years.map((y) => [String(y.fiscalYear), y.status]));
    manifest.municipalities.push({ code, name, plan, kpis, years });
    onProgress?.(manifest.municipalities.length);
  }
  await writeFile(join(dir, 'national.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
