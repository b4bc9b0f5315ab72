import type { Finding } from '../../core/finding.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import type { Finance, Project } from '../../core/plan.ts';
import type { MappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';

/** The project's number and name; a missing one or a number seen before is an error. */
export function readProjectKey(
  row: MappedRow,
  mapping: Mapping,
  seen: Map<string, number>,
  findings: Finding[],
): { no: string; name: string } {
  const { projectNo, projectName } = mapping.columns;
  // The number is text, kept as written ("0388" stays "0388"), only made half-width.
  const no = toHalfWidth(row.text(projectNo)).trim();
  const name = row.text(projectName);
  if (!no) row.problem('project.missing-no', projectNo, 'project-no', '');
  if (!name) row.problem('project.missing-name', projectName, 'name', '');
  const firstLine = seen.get(no);
  if (no && firstLine !== undefined) {
    findings.push({
      severity: 'error',
      code: 'project.duplicate-no',
      location: row.at(projectNo),
      expected: 'unique-project-no',
      found: no,
      params: { firstLine },
    });
  }
  if (no) seen.set(no, row.line);
  return { no, name };
}

/** The project a row describes, with its notes and department when mapped. */
export function readProject(
  row: MappedRow,
  mapping: Mapping,
  key: { no: string; name: string },
  finances: Finance[],
): Project {
  const { notes: notesRef, department: departmentRef } = mapping.columns;
  const notes = notesRef ? row.text(notesRef) : '';
  const department = departmentRef ? row.text(departmentRef) : '';
  return {
    no: key.no,
    name: key.name,
    notes: notes ? [notes] : [],
    department: department || null,
    finances,
    activities: [],
  };
}
