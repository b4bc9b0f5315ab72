/**
 * Transitional re-exports for code outside the cycle not yet on the store modules (the API, the
 * evaluation, the plan and project pages): the same queries, now owned by `src/store/years`.
 * New code uses `ctx.store.projectYears.project` / `.statuses` / `.status`.
 */
export {
  type ProjectRow,
  readProject as findProject,
  readStatuses as projectStatuses,
} from '../../store/years/project-year-store.ts';
