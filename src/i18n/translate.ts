import { messagesJa } from './messages-ja.ts';

export type Params = Record<string, string | number | null | undefined>;

const catalogue: Record<string, string> = messagesJa;

export function hasMessage(key: string): boolean {
  return key in catalogue;
}

/** The catalogue's words for `key` with `{name}` filled in; an unknown key reads as itself. */
export function t(key: string, params: Params = {}): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? '' : String(value);
  });
}
