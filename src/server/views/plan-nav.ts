import { type Actor, isAdmin } from '../../core/permissions.ts';
import { urls } from '../urls.ts';

export type PlanSection =
  | 'plan'
  | 'report'
  | 'search'
  | 'kpis'
  | 'dashboard'
  | 'evaluations'
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
  code: string,
  base: string,
  current: PlanSection,
  fiscalYear?: number,
) {
  const fy = fiscalYear ? `?fy=${fiscalYear}` : '';
  const items: { href: string; label: string; section: PlanSection }[] = [
    { href: `${base}${fy}`, label: '体系と予算・決算', section: 'plan' },
    { href: `${base}/report${fy}`, label: '進捗状況表', section: 'report' },
    { href: `${base}/kpis${fy}`, label: 'KPI', section: 'kpis' },
    { href: `${base}/dashboard${fy}`, label: 'ダッシュボード', section: 'dashboard' },
    { href: `${base}/search`, label: '検索', section: 'search' },
    { href: `${base}/downloads`, label: 'ダウンロード', section: 'downloads' },
  ];
  if (actor?.municipalityCode === code && (actor.role === 'editor' || actor.role === 'admin')) {
    items.push({ href: `${base}/todo`, label: 'やること', section: 'todo' });
  }
  if (actor?.municipalityCode === code) {
    items.push({ href: `${base}/evaluations${fy}`, label: '評価', section: 'evaluations' });
    items.push({ href: `${base}/check${fy}`, label: '公表前の検査', section: 'check' });
    items.push({ href: `${base}/years`, label: '年度の進行', section: 'years' });
    items.push({ href: `${base}/history`, label: '変更履歴', section: 'history' });
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
