/** The content codings a cached representation is kept in, best first. */
export type Coding = 'br' | 'gzip' | 'identity';

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): brotli, then gzip, when
 * accepted with a non-zero weight (directly or through `*`); otherwise the bytes as they are.
 */
export function acceptedEncoding(header: string | undefined): Coding {
  if (!header) return 'identity';
  // Browsers send a handful of distinct headers: parse each once.
  const known = parsed.get(header);
  if (known) return known;
  const coding = parseAcceptEncoding(header);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(header, coding);
  return coding;
}

const parsed = new Map<string, Coding>();
const MAX_PARSED = 256;

function parseAcceptEncoding(header: string): Coding {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}
