import { describe, expect, it } from 'vitest';
import { nextProjectStatus, nextYearStatus, YEAR_STATUSES } from './workflow.ts';

describe('the fiscal year workflow', () => {
  it('runs preparing → open → locked → published, and back only one step at a time', () => {
    expect(nextYearStatus('preparing', 'open')).toBe('open');
    expect(nextYearStatus('open', 'lock')).toBe('locked');
    expect(nextYearStatus('locked', 'unlock')).toBe('open');
    expect(nextYearStatus('locked', 'publish')).toBe('published');
    expect(nextYearStatus('published', 'unpublish')).toBe('locked');
  });

  it('refuses skipping: an open year cannot be published before it is locked', () => {
    expect(nextYearStatus('open', 'publish')).toBeNull();
    expect(nextYearStatus('preparing', 'lock')).toBeNull();
    expect(nextYearStatus('published', 'open')).toBeNull();
    for (const s of YEAR_STATUSES)
      if (s !== 'preparing') expect(nextYearStatus(s, 'open')).toBeNull();
  });

  it('moves projects entering → submitted → accepted, or back to returned', () => {
    expect(nextProjectStatus('entering', 'submit')).toBe('submitted');
    expect(nextProjectStatus('returned', 'submit')).toBe('submitted');
    expect(nextProjectStatus('submitted', 'accept')).toBe('accepted');
    expect(nextProjectStatus('submitted', 'return')).toBe('returned');
    expect(nextProjectStatus('accepted', 'return')).toBe('returned');
    expect(nextProjectStatus('entering', 'accept')).toBeNull();
    expect(nextProjectStatus('accepted', 'submit')).toBeNull();
  });
});
