import { z } from 'zod';
import { loadAnalysisPage } from '../../app/analysis/analysis-page.ts';
import type { AppContext } from '../../app/app-context.ts';
import type { PlanView } from '../../app/views/plan-view.ts';
import type { Actor } from '../../core/permissions.ts';
import { readableYear } from './read-api.ts';

/**
 * GET /api/v1/plans/{planId}/analysis (issue 12): the 効果検証 texts of a year, as the analysis
 * page shows them to the same reader (loadAnalysisPage decides): the public, approved texts of
 * published years; a member of the municipality, every scope's stored text or its draft.
 */

const fiscalYear = z.number().int().min(1868).max(2200).describe('年度（始まる年の西暦）');

export const AnalysisItemSchema = z
  .object({
    scope: z.enum(['plan', 'goal', 'measure']).describe('計画全体・基本目標・具体的な施策'),
    nodeId: z.number().int().nullable().describe('基本目標・施策の ID。計画全体は null'),
    level: z.string().describe('階層の名前（基本目標、具体的な施策）。計画全体は計画の種類'),
    title: z.string(),
    state: z
      .enum(['draft', 'edited', 'approved'])
      .describe('draft: データからの下書き、edited: 編集済み（未承認）、approved: 承認済み'),
    text: z.string().describe('効果検証の文（プレーンテキスト、段落は空行で区切る）'),
    approvedAt: z.string().nullable().describe('承認の日時（ISO 8601）。承認済みでなければ null'),
  })
  .strict();
export type AnalysisItem = z.infer<typeof AnalysisItemSchema>;

export const AnalysisListSchema = z
  .object({
    planId: z.number().int(),
    fiscalYear,
    items: z
      .array(AnalysisItemSchema)
      .describe('計画全体、基本目標、施策の順。一般向けは承認済みの文だけ（なければ空）'),
  })
  .strict();
export type AnalysisList = z.infer<typeof AnalysisListSchema>;

export const ANALYSIS_EXAMPLE: AnalysisList = {
  planId: 1,
  fiscalYear: 2020,
  items: [
    {
      scope: 'plan',
      nodeId: null,
      level: '総合戦略',
      title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
      state: 'approved',
      text: '総合戦略全体には24事業（取組49件）があり、令和2年度の結果（▶）は46件記載されている。\n\n総合戦略全体の予算は計70,090千円、決算は計52,139千円で、執行率は74.4%であった。',
      approvedAt: '2021-08-20T05:12:00.000Z',
    },
  ],
};

export async function listAnalysis(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  asked: number,
): Promise<AnalysisList> {
  const year = readableYear(view, asked) ?? asked;
  const page = await loadAnalysisPage(ctx, actor, view, year);
  return {
    planId: view.summary.id,
    fiscalYear: year,
    items: page.scopes.map(({ draft, state, text, stored }) => ({
      scope: draft.scope.kind,
      nodeId: draft.scope.kind === 'plan' ? null : draft.scope.nodeId,
      level: draft.level,
      title: draft.title,
      state,
      text,
      approvedAt: state === 'approved' ? (stored?.approvedAt ?? null) : null,
    })),
  };
}
