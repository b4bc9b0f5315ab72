import { serve } from '@hono/node-server';
import { openAppContext } from '../app/app-context.ts';
import { type DemoAccount, setUpDemo } from '../app/demo.ts';
import { closePdfBrowser } from '../app/reports/report-pdf.tsx';
import type { ServerConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { fastPublicServer } from './fast-public-server.ts';

export interface RunningServer {
  url: string;
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

/** Opens the store (migrating it), sets up demo mode if asked, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const ctx = await openAppContext(config.databaseUrl);
  const demoAccounts = config.mode === 'demo' ? await setUpDemo(ctx) : [];
  const app = createServer(ctx, config);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        createServer: fastPublicServer(app.publicAnswer),
      },
      () => resolve(s),
    );
    // A port in use must stop the start with a message, not hang it.
    s.once('error', (error) => {
      void ctx.store.close();
      reject(error);
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    demoAccounts,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closePdfBrowser();
      await ctx.store.close();
    },
  };
}
