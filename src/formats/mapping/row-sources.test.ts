import { describe, expect, it } from 'vitest';
import { strategyProgressWorkbook } from '../../../test/fixtures/workbooks/strategy-progress-workbook.ts';
import { xlsxRows } from './row-sources.ts';

/**
 * exceljs's streaming reader now and then loses the workbook part of a workbook that stores it
 * after its sheets (exceljs and Excel do): 12–27 of 360 reads failed with two busy cores. The
 * reader reads such a file again from its start, so every read of every sheet succeeds. Reads
 * run two at a time, which is what made the loss show on an idle machine too.
 */
describe('xlsxRows reads every sheet of a multi-sheet workbook every time', () => {
  it('120 reads, two at a time, each sheet read whole', async () => {
    const { bytes } = await strategyProgressWorkbook();
    const counts = new Map<number, Set<number>>();
    const read = async (position: number) => {
      let rows = 0;
      for await (const _ of xlsxRows(bytes, position, undefined, 'b.xlsx')) rows++;
      counts.set(position, (counts.get(position) ?? new Set()).add(rows));
    };
    for (let i = 0; i < 60; i++) await Promise.all([read((i % 4) + 1), read(((i + 1) % 4) + 1)]);
    // Each sheet gave the same number of rows every time, and none was empty.
    for (const [, sizes] of counts) {
      expect(sizes.size).toBe(1);
      expect([...sizes][0]).toBeGreaterThan(0);
    }
    expect(counts.size).toBe(4);
  }, 120_000);
});
