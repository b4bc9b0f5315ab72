import { scopeHeading } from '../../core/analysis/draft-analysis.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { AnalysisSheetRow } from '../../formats/xlsx/analysis-sheet.ts';
import { t } from '../../i18n/translate.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import { loadAnalysisPage } from './analysis-page.ts';

/**
 * The rows of the workbook's 「効果検証」 sheet for the exported years, as the view's reader may
 * read them (members: every scope's text or draft; the public: approved texts).
 */
export async function analysisSheetRows(
  ctx: AppContext,
  view: PlanView,
  years: readonly number[],
): Promise<AnalysisSheetRow[]> {
  const rows: AnalysisSheetRow[] = [];
  for (const fy of years) {
    const page = await loadAnalysisPage(ctx, null, view, fy);
    for (const s of page.scopes) {
      rows.push({
        fiscalYear: formatFiscalYear(fy, 'long'),
        heading: scopeHeading(s.draft),
        state: t(`analysis.state.${s.state}`),
        text: s.text,
      });
    }
  }
  return rows;
}
