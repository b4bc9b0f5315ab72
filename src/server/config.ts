import { z } from 'zod';

/**
 * The server's configuration, read from the environment and validated once at start: a wrong
 * value stops the start with a message naming the variable (README, "Configuration").
 */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  /** 0 lets the system pick a free port (tests); startServer returns the real URL. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** demo: sample plan and demo accounts with fresh passwords printed at start. */
  SOUSEI_MODE: z.enum(['demo', 'production']).default('production'),
  /** Secure cookies (HTTPS only). Default: on in production, off in demo (http://localhost). */
  SOUSEI_SECURE_COOKIES: flag.optional(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling). */
  SOUSEI_TRUST_PROXY: flag.default(false),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  mode: 'demo' | 'production';
  secureCookies: boolean;
  trustProxy: boolean;
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
  };
}
