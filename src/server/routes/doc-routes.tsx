import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { page } from '../render.tsx';
import { type DocName, urls } from '../urls.ts';

/**
 * The user documentation the pages refer to (the open-data formats, the column mapping, the KPI
 * import), served by the installation itself: a city's installation may have no way to reach
 * GitHub. Only these files, by name; each as a page in the site's layout, its Markdown shown as
 * written (wrapped for phones), and as the file itself (`.md`) for saving.
 */
export const DOCS: Record<DocName, string> = {
  'json-format': 'doc.json-format',
  'open-data-csv': 'doc.open-data-csv',
  compare: 'doc.compare',
  mapping: 'doc.mapping',
  'kpi-import': 'doc.kpi-import',
};

const isDoc = (name: string): name is DocName => Object.hasOwn(DOCS, name);

async function readDoc(name: string): Promise<{ name: DocName; text: string }> {
  if (!isDoc(name)) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const file = fileURLToPath(new URL(`../../../docs/${name}.md`, import.meta.url));
  return { name, text: await readFile(file, 'utf8') };
}

export function docRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/docs/:file{[a-z-]+\\.md}', async (c) => {
    const { text } = await readDoc((c.req.param('file') ?? '').replace(/\.md$/, ''));
    c.header('content-type', 'text/markdown; charset=utf-8');
    return c.body(text);
  });
  app.get('/docs/:name{[a-z-]+}', async (c) => {
    const { name, text } = await readDoc(c.req.param('name') ?? '');
    const title = t(DOCS[name]);
    return page(
      c,
      title,
      <>
        <h1>{title}</h1>
        <p class="hint">
          {t('doc.as-written')} <a href={urls.doc(name, 'md')}>{t('doc.download')}</a>
        </p>
        <pre class="doc-text">{text}</pre>
      </>,
    );
  });
  return app;
}
