import { Hono } from 'hono';
import { requireMember } from '../../app/auth/require-actor.ts';
import { loadTodoView } from '../../app/views/todo-view.ts';
import { isAdmin } from '../../core/permissions.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { planNav } from '../views/plan-nav.ts';
import { TodoPage } from '../views/todo-page.tsx';

/** The to-do page of editors and administrators: parse → use case → view. */
export function todoRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/m/:code/plans/:planId/todo', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = requireMember(c.get('actor'), code);
    const todo = await loadTodoView(c.get('app'), actor, code, planId);
    const plan = { code, planId };
    return page(
      c,
      'やること',
      <TodoPage
        plan={plan}
        fiscalYear={todo.fiscalYear}
        rows={todo.rows}
        isAdmin={isAdmin(actor, code)}
      />,
      {
        municipality: { code, name: todo.view.summary.municipalityName },
        nav: planNav(actor, plan, 'todo', todo.fiscalYear ?? undefined),
      },
    );
  });
  return app;
}
