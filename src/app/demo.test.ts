import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestContext } from './app-test-support.ts';
import { setUpDemo } from './demo.ts';
import { importPlan } from './import-plan.ts';
import { SAMPLE_FILE } from './load-sample.ts';

describe('demo mode', () => {
  const context = useTestContext();

  it('starts again once the demo city has a second plan (the sample is found by its title)', async () => {
    expect(await setUpDemo(context())).toHaveLength(4);
    await importPlan(context(), {
      bytes: readFileSync(SAMPLE_FILE),
      fileName: 'second.tsv',
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      title: '室蘭市総合計画（第二の計画）',
      conventions: { arrow: 'revision' },
    });
    expect(await context().store.plans.list('012050')).toHaveLength(2);
    const again = await setUpDemo(context());
    expect(again.map((a) => a.email)).toContain('kikaku@demo.sousei.example');
  });
});
