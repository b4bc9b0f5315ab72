import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Test support for the memory bounds of imports (issue 9): a forced collection before each
 * sample, so the heap measured is what is live, not garbage waiting for the collector.
 */
setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;
export const MB = 1024 * 1024;

/** A plain three-level list (goal, measure, project no. and name) the large test files share. */
export const largeListMapping = {
  format: 'sousei-mapping',
  version: 1,
  headerRows: [1],
  dataStartRow: 2,
  requiredColumn: 'C',
  plan: {
    title: '大きな一覧',
    levels: ['目標', '施策', '事業'],
    firstFiscalYear: 2020,
    lastFiscalYear: 2024,
  },
  columns: { levels: ['A', 'B'], projectNo: 'C', projectName: 'D' },
};
