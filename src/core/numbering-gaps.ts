import type { Finding } from './finding.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { INPUT_LIMITS, truncatedFinding } from './input-limits.ts';

/**
 * Numbers missing from the plan's project numbering (1, 2, 4 → 3; 12-1, 12-2, 12-4 → 12-3),
 * only where the numbering is a sequence in practice. Plans number projects either as a count
 * (1, 2, 3 …, or per measure 12-1, 12-2 …) or by an ID of the city's own system (0001, 0388,
 * 1034 …: numbers given once and never reused, hundreds apart). Only a count has gaps worth
 * a word: a numbering (the numbers sharing what precedes their last digits) counts when it
 * runs from 1 with at most one missing number in ten present (at least one). Else it is an ID
 * and nothing is said: 407 IDs up to 1895 are 1,488 "missing" numbers that are not missing.
 */
export function numberingGaps(numbers: readonly string[], fiscalYear: FiscalYear): Finding[] {
  const out: Finding[] = [];
  let more = 0;
  for (const missing of [...numberings(numbers).values()].flatMap(missingOfCount)) {
    if (out.length >= INPUT_LIMITS.findings) {
      more++;
      continue;
    }
    out.push({
      severity: 'warning',
      code: 'project.numbering-gap',
      location: { fiscalYear },
      params: { no: missing },
    });
  }
  if (more > 0) out.push(truncatedFinding(more));
  return out;
}

interface Numbering {
  prefix: string;
  /** The last digits of each number, as written (`004`). */
  digits: string[];
}

/** Numbers grouped by what precedes their last run of digits (`12-` of `12-3`; `` of `7`). */
function numberings(numbers: readonly string[]): Map<string, Numbering> {
  const groups = new Map<string, Numbering>();
  for (const no of new Set(numbers)) {
    const m = /^(.*?)(\d+)$/.exec(no);
    if (!m) continue;
    const prefix = m[1] ?? '';
    const group = groups.get(prefix) ?? { prefix, digits: [] };
    group.digits.push(m[2] ?? '');
    groups.set(prefix, group);
  }
  return groups;
}

/** The numbers a count is missing, written like its others (padded when they all are). */
function missingOfCount({ prefix, digits }: Numbering): string[] {
  // Numbers beyond what a count of projects could reach are IDs, whatever their density.
  if (digits.some((d) => d.length > 9)) return [];
  const values = new Set(digits.map(Number));
  const max = Math.max(...values);
  const present = [...values].filter((v) => v >= 1).length;
  const allowed = Math.max(1, Math.floor(present / 10));
  if (max - present > allowed) return [];
  const width = digits[0]?.length ?? 1;
  const padded = width > 1 && digits.every((d) => d.length === width);
  const out: string[] = [];
  for (let n = 1; n < max; n++) {
    if (!values.has(n)) out.push(`${prefix}${padded ? String(n).padStart(width, '0') : n}`);
  }
  return out;
}
