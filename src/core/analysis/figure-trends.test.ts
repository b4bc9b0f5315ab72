import { describe, expect, it } from 'vitest';
import { inputFor, samplePlan } from '../../app/analysis/analysis-test-support.ts';
import { allProjects } from '../plan.ts';
import { draftAnalysis } from './draft-analysis.ts';
import { draftText } from './draft-segments.ts';
import { figureTrends } from './figure-trends.ts';

/** The sample with an R3 result written as its R2 ones are: a lone figure after ▶R3…. */
function sampleWithR3(text: string) {
  const plan = samplePlan();
  const project = allProjects(plan)[0];
  const activity = project?.activities[0];
  if (!project || activity?.title !== '移住相談') throw new Error('the sample changed');
  activity.entries.push({ kind: 'result', fiscalYear: 2021, yearLabel: 'R3', text, kpi: false });
  return { plan, project };
}

describe('trends of the drafts, with the real figures reader', () => {
  it("names the sample's lone figures (▶R2…41件) after their activity, so they recur", () => {
    const { plan, project } = sampleWithR3('50件');
    const trends = figureTrends([project], 2020, 2021);
    expect(trends.map((t) => [t.label, t.unit, t.points])).toEqual([
      [
        '移住相談',
        '件',
        [
          { fiscalYear: 2020, value: 41 },
          { fiscalYear: 2021, value: 50 },
        ],
      ],
    ]);
    const measure = draftAnalysis(inputFor(plan, 2021)).find((d) =>
      draftText(d.paragraphs).includes('移住推進事業'),
    );
    expect(draftText(measure?.paragraphs ?? [])).toContain(
      'No.1「移住推進事業」の移住相談は、R2 41件 → R3 50件と推移した。',
    );
  });

  it('keeps a labelled figure under its own label, and a different unit apart', () => {
    const { project } = sampleWithR3('相談会 4回');
    expect(figureTrends([project], 2020, 2021)).toEqual([]);
  });
});
