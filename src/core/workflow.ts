/**
 * The yearly cycle of a plan (issue #3): a fiscal year is opened for entry, departments enter
 * their projects and mark them 入力完了, the planning division accepts or returns each one,
 * then locks the year (read-only for everybody) and publishes it (public without signing in).
 */
export const YEAR_STATUSES = ['preparing', 'open', 'locked', 'published'] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];

/**
 * 'untouched' (未着手) is never stored: it is the status of a project nobody has saved, submitted
 * or returned in the year yet. The first save makes it 'entering' (入力中).
 */
export const PROJECT_STATUSES = [
  'untouched',
  'entering',
  'submitted',
  'returned',
  'accepted',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A project still to be finished by its department (not 入力完了 nor 確認済み). */
export function isUnfinished(status: ProjectStatus): boolean {
  return status === 'untouched' || status === 'entering' || status === 'returned';
}

/**
 * The status word to show: in a locked or published year nobody is entering any more, so an
 * unfinished project shows as 未完了, never 入力中.
 */
export type ShownProjectStatus = ProjectStatus | 'unfinished';

export function shownProjectStatus(year: YearStatus, status: ProjectStatus): ShownProjectStatus {
  const closed = year === 'locked' || year === 'published';
  return closed && isUnfinished(status) ? 'unfinished' : status;
}

/** The statuses a year's projects can show, in the order of the cycle (the status filter's). */
export function shownStatusChoices(year: YearStatus): ShownProjectStatus[] {
  return year === 'locked' || year === 'published'
    ? ['unfinished', 'submitted', 'accepted']
    : ['untouched', 'entering', 'submitted', 'returned', 'accepted'];
}

export function isShownProjectStatus(value: string): value is ShownProjectStatus {
  return value === 'unfinished' || isProjectStatus(value);
}

export type YearAction = 'open' | 'lock' | 'unlock' | 'publish' | 'unpublish';

const YEAR_TRANSITIONS: Record<YearAction, { from: readonly YearStatus[]; to: YearStatus }> = {
  open: { from: ['preparing'], to: 'open' },
  lock: { from: ['open'], to: 'locked' },
  unlock: { from: ['locked'], to: 'open' },
  publish: { from: ['locked'], to: 'published' },
  unpublish: { from: ['published'], to: 'locked' },
};

/** The status after `action`, or null when the action does not apply in `from`. */
export function nextYearStatus(from: YearStatus, action: YearAction): YearStatus | null {
  const t = YEAR_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function isYearStatus(value: string): value is YearStatus {
  return (YEAR_STATUSES as readonly string[]).includes(value);
}

export function isProjectStatus(value: string): value is ProjectStatus {
  return (PROJECT_STATUSES as readonly string[]).includes(value);
}

export type ProjectAction = 'submit' | 'accept' | 'return';

const PROJECT_TRANSITIONS: Record<
  ProjectAction,
  { from: readonly ProjectStatus[]; to: ProjectStatus }
> = {
  submit: { from: ['untouched', 'entering', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted', 'accepted'], to: 'returned' },
};

export function nextProjectStatus(
  from: ProjectStatus,
  action: ProjectAction,
): ProjectStatus | null {
  const t = PROJECT_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}
