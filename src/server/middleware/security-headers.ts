import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerConfig } from '../config.ts';

/**
 * Security headers on every response: a CSP without inline script or style (scripts and styles
 * come from /assets only), no framing (clickjacking), no referrer leaks. HSTS only when cookies
 * are Secure (production behind HTTPS): over plain HTTP (demo) it would only pin a browser to an
 * HTTPS the server does not speak.
 */
export function securityHeaders(config: Pick<ServerConfig, 'secureCookies'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    strictTransportSecurity: config.secureCookies ? 'max-age=15552000; includeSubDomains' : false,
  });
}
