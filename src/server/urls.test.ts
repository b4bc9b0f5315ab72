import { describe, expect, it } from 'vitest';
import { urls, withQuery } from './urls.ts';

describe('the URL builder', () => {
  const plan = { code: '012050', planId: 1 };
  it('builds plan, project and page addresses', () => {
    expect(urls.plan(plan, { fy: 2020 })).toBe('/m/012050/plans/1?fy=2020');
    expect(urls.project(plan, 7)).toBe('/m/012050/plans/1/projects/7');
    expect(urls.projectPage(plan, 7, 'edit', { fy: 2021, saved: 1 })).toBe(
      '/m/012050/plans/1/projects/7/edit?fy=2021&saved=1',
    );
    expect(urls.planPage(plan, 'check/publish')).toBe('/m/012050/plans/1/check/publish');
    expect(urls.municipalityPage('012050', 'users', { added: 3 })).toBe('/m/012050/users?added=3');
  });

  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/x', { a: undefined, b: null, q: 'ＩｏＴ & 産業' })).toBe(
      '/x?q=%EF%BC%A9%EF%BD%8F%EF%BC%B4+%26+%E7%94%A3%E6%A5%AD',
    );
    expect(urls.login('/m/012050')).toBe('/login?next=%2Fm%2F012050');
  });
});
