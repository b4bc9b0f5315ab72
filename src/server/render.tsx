import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Role } from '../core/permissions.ts';
import type { ServerEnv } from './env.ts';
import { Layout, type LayoutProps } from './views/layout.tsx';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '企画課・管理者',
  editor: '担当課',
  committee: '外部有識者',
};

export type PageOptions = Pick<LayoutProps, 'municipality' | 'nav'> & { status?: number };

/** Renders a page in the layout, with the signed-in person and the request's CSRF token. */
export function page(c: Context<ServerEnv>, title: string, body: Child, options: PageOptions = {}) {
  const actor = c.get('actor');
  const user = actor ? { name: c.get('actorName') ?? '', role: ROLE_LABELS[actor.role] } : null;
  const html = (
    <Layout
      title={title}
      user={user}
      csrfToken={c.get('csrfToken')}
      municipality={options.municipality}
      nav={options.nav}
    >
      {body}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, (options.status ?? 200) as 200);
}

/** The hidden field every form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
