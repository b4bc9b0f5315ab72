import type { Context } from 'hono';
import type { PlanView } from '../../app/views/plan-view.ts';
import type { ProjectView } from '../../app/views/project-view.ts';
import type { ServerEnv } from '../env.ts';
import { page } from '../render.tsx';
import { planNav } from '../views/plan-nav.ts';
import { ProjectPage, type ProjectPageProps } from '../views/project-page.tsx';

/**
 * A project's page as a response: read (`done` after an action) or with a refused form open
 * (`refused`, answered 409 or 422). One place, so both show the same page.
 */
export function projectPageResponse(
  c: Context<ServerEnv>,
  view: PlanView,
  project: ProjectView,
  fiscalYear: number,
  extra: Pick<ProjectPageProps, 'done' | 'refused'> & { status?: 409 | 422 },
) {
  const code = view.summary.municipalityCode;
  const planId = view.summary.id;
  const actor = c.get('actor');
  // The project belongs to the plan's pages, but is none of them: nothing is marked current.
  const nav = planNav(actor, { code, planId }, 'plan', fiscalYear).map((i) => ({
    ...i,
    current: false,
  }));
  return page(
    c,
    `${project.project.no}. ${project.project.name} | ${view.summary.title}`,
    <ProjectPage
      view={view}
      project={project}
      fiscalYear={fiscalYear}
      address={{ code, planId }}
      csrf={c.get('csrfToken')}
      done={extra.done}
      refused={extra.refused ?? null}
    />,
    {
      municipality: { code, name: view.summary.municipalityName },
      nav,
      ...(extra.status ? { status: extra.status } : {}),
    },
  );
}
