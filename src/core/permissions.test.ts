import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canActOnProject,
  canEditProjectYear,
  canReadPlan,
  canReadYear,
  isAdmin,
} from './permissions.ts';
import { PROJECT_STATUSES, YEAR_STATUSES } from './workflow.ts';

const admin: Actor = { userId: 1, municipalityCode: '012050', role: 'admin', departmentIds: [] };
const editor: Actor = {
  userId: 2,
  municipalityCode: '012050',
  role: 'editor',
  departmentIds: [10],
};
const committee: Actor = {
  userId: 3,
  municipalityCode: '012050',
  role: 'committee',
  departmentIds: [],
};
const otherAdmin: Actor = {
  userId: 4,
  municipalityCode: '011002',
  role: 'admin',
  departmentIds: [],
};
const own = { departmentId: 10 };
const foreign = { departmentId: 11 };

describe('reading', () => {
  it('members read every year; the public only published ones; other cities are the public', () => {
    for (const status of YEAR_STATUSES) {
      expect(canReadYear(admin, '012050', status)).toBe(true);
      expect(canReadYear(committee, '012050', status)).toBe(true);
      expect(canReadYear(null, '012050', status)).toBe(status === 'published');
      expect(canReadYear(otherAdmin, '012050', status)).toBe(status === 'published');
    }
    expect(canReadPlan(null, '012050', false)).toBe(false);
    expect(canReadPlan(null, '012050', true)).toBe(true);
    expect(isAdmin(otherAdmin, '012050')).toBe(false);
  });
});

describe('editing a project year', () => {
  it('needs an open year, for everybody', () => {
    for (const year of YEAR_STATUSES.filter((s) => s !== 'open')) {
      expect(canEditProjectYear(admin, '012050', own, year, 'entering')).toBe(false);
      expect(canEditProjectYear(editor, '012050', own, year, 'entering')).toBe(false);
    }
  });

  it('editors edit their own departments while entering or returned; admins until accepted', () => {
    const table = PROJECT_STATUSES.map((s) => [
      s,
      canEditProjectYear(editor, '012050', own, 'open', s),
      canEditProjectYear(editor, '012050', foreign, 'open', s),
      canEditProjectYear(admin, '012050', foreign, 'open', s),
      canEditProjectYear(committee, '012050', own, 'open', s),
      canEditProjectYear(otherAdmin, '012050', own, 'open', s),
    ]);
    expect(table).toEqual([
      ['untouched', true, false, true, false, false],
      ['entering', true, false, true, false, false],
      ['submitted', false, false, true, false, false],
      ['returned', true, false, true, false, false],
      ['accepted', false, false, false, false, false],
    ]);
  });

  it('a project without a department is the administrators’ alone', () => {
    expect(canEditProjectYear(editor, '012050', { departmentId: null }, 'open', 'entering')).toBe(
      false,
    );
    expect(canEditProjectYear(admin, '012050', { departmentId: null }, 'open', 'entering')).toBe(
      true,
    );
  });
});

describe('project actions', () => {
  it('editors submit their own; only administrators accept and return', () => {
    expect(canActOnProject(editor, '012050', own, 'open', 'submit')).toBe(true);
    expect(canActOnProject(editor, '012050', foreign, 'open', 'submit')).toBe(false);
    expect(canActOnProject(editor, '012050', own, 'open', 'accept')).toBe(false);
    expect(canActOnProject(admin, '012050', foreign, 'open', 'return')).toBe(true);
    expect(canActOnProject(admin, '012050', own, 'locked', 'accept')).toBe(false);
    expect(canActOnProject(committee, '012050', own, 'open', 'submit')).toBe(false);
  });
});
