import { z } from 'zod';

/**
 * The server's configuration, read from the environment and validated once at start: a wrong
 * value stops the start with a message naming the variable (README, "Configuration").
 */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Proxy hops to trust: a count; `true` reads as 1 and `false` as 0 (the earlier flag). */
const hops = z
  .union([z.enum(['true', 'false']), z.string().regex(/^\d{1,2}$/)])
  .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)));

/** Login and every ordinary form (and the API's JSON bodies) stay below this. */
export const DEFAULT_MAX_FORM_KB = 64;
/** Imports (signed-in only), streamed to a temporary file. */
export const DEFAULT_MAX_UPLOAD_MB = 50;

export const ConfigSchema = z.object({
  /** 0 lets the system pick a free port (tests); startServer returns the real URL. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** demo: sample plan and demo accounts with fresh passwords printed at start. */
  SOUSEI_MODE: z.enum(['demo', 'production']).default('production'),
  /** Secure cookies (HTTPS only). Default: on in production, off in demo (http://localhost). */
  SOUSEI_SECURE_COOKIES: flag.optional(),
  /**
   * Behind reverse proxies: how many of them (hops) append to X-Forwarded-For; the client
   * address for login throttling is the one that many entries from the right.
   */
  SOUSEI_TRUST_PROXY: hops.default(0),
  /** The largest import upload, in MB. */
  SOUSEI_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(DEFAULT_MAX_UPLOAD_MB),
  /** The largest form or API body, in KB. */
  SOUSEI_MAX_FORM_KB: z.coerce.number().int().min(8).max(10240).default(DEFAULT_MAX_FORM_KB),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  mode: 'demo' | 'production';
  secureCookies: boolean;
  /** Proxy hops trusted to append to X-Forwarded-For (0: none, the socket's address counts). */
  trustProxy: number;
  /** Bytes: login, every other form, the API's bodies. */
  maxFormBytes: number;
  /** Bytes: an import's upload. */
  maxUploadBytes: number;
};

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`設定（環境変数）が正しくありません: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    mode: c.SOUSEI_MODE,
    secureCookies: c.SOUSEI_SECURE_COOKIES ?? c.SOUSEI_MODE === 'production',
    trustProxy: c.SOUSEI_TRUST_PROXY,
    maxFormBytes: c.SOUSEI_MAX_FORM_KB * 1024,
    maxUploadBytes: c.SOUSEI_MAX_UPLOAD_MB * 1024 * 1024,
  };
}
