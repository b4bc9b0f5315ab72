import type { Context } from 'hono';
import { SouseiError } from '../core/errors.ts';
import { parseFiscalYear } from '../core/fiscal-year.ts';
import { parseMunicipalityCode } from '../core/municipality-code.ts';

/** A positive integer path parameter; anything else is simply not found. */
export function idParam(c: Context, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^\d{1,12}$/.test(value))
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return Number(value);
}

export function codeParam(c: Context): string {
  const code = parseMunicipalityCode(c.req.param('code') ?? '');
  if (!code || code !== c.req.param('code'))
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return code;
}

/** `?fy=2021` (also R3, 令和3年度); a year that cannot be read is ignored. */
export function fiscalYearQuery(c: Context, name = 'fy'): number | null {
  const value = c.req.query(name);
  return value ? parseFiscalYear(value) : null;
}
