import { type Actor, isAdmin } from '../../core/permissions.ts';
import { type PlanAddress, urls } from '../urls.ts';

export type PlanSection =
  | 'plan'
  | 'report'
  | 'search'
  | 'kpis'
  | 'dashboard'
  | 'evaluations'
  | 'analysis'
  | 'check'
  | 'todo'
  | 'years'
  | 'history'
  | 'users'
  | 'settings'
  | 'downloads'
  | 'import';

/** The plan's navigation: what every reader sees, plus what the actor's role adds. */
export function planNav(
  actor: Actor | null,
  plan: PlanAddress,
  current: PlanSection,
  fiscalYear?: number,
) {
  const { code } = plan;
  const fy = { fy: fiscalYear || undefined };
  const items: { href: string; label: string; section: PlanSection }[] = [
    { href: urls.plan(plan, fy), label: '体系と予算・決算', section: 'plan' },
    { href: urls.planPage(plan, 'report', fy), label: '進捗状況表', section: 'report' },
    { href: urls.planPage(plan, 'kpis', fy), label: 'KPI', section: 'kpis' },
    { href: urls.planPage(plan, 'dashboard', fy), label: 'ダッシュボード', section: 'dashboard' },
    { href: urls.planPage(plan, 'analysis', fy), label: '効果検証', section: 'analysis' },
    { href: urls.planPage(plan, 'search'), label: '検索', section: 'search' },
    { href: urls.planPage(plan, 'downloads'), label: 'ダウンロード', section: 'downloads' },
  ];
  if (actor?.municipalityCode === code && (actor.role === 'editor' || actor.role === 'admin')) {
    items.push({ href: urls.planPage(plan, 'todo'), label: 'やること', section: 'todo' });
  }
  if (actor?.municipalityCode === code) {
    items.push({
      href: urls.planPage(plan, 'evaluations', fy),
      label: '評価',
      section: 'evaluations',
    });
    items.push({ href: urls.planPage(plan, 'check', fy), label: '公表前の検査', section: 'check' });
    items.push({ href: urls.planPage(plan, 'years'), label: '年度の進行', section: 'years' });
    items.push({ href: urls.planPage(plan, 'history'), label: '変更履歴', section: 'history' });
  }
  if (isAdmin(actor, code)) {
    items.push({ href: urls.municipalityPage(code, 'users'), label: '利用者', section: 'users' });
    items.push({
      href: urls.municipalityPage(code, 'settings'),
      label: '評価の設定',
      section: 'settings',
    });
    items.push({
      href: urls.municipalityPage(code, 'import'),
      label: '取り込み',
      section: 'import',
    });
  }
  return items.map((i) => ({ href: i.href, label: i.label, current: i.section === current }));
}
