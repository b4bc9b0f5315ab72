import { describe, expect, it } from 'vitest';
import { SouseiError } from '../../core/errors.ts';
import { MAX_SENTENCE_CHARS } from '../../core/figures/sentence-limit.ts';
import { readFigureLines } from './read-figures.ts';

describe('reading the figures of lines', () => {
  it('gives one result a line, the final newline opening none', () => {
    const results = readFigureLines('参加者5名\r\n\n中止\n', {});
    expect(results.map((r) => r.metrics.length)).toEqual([1, 0, 0]);
    expect(results[2]?.status).toBe('中止');
  });

  it('reports every line over the bound at once, and reads none', () => {
    const long = 'あ'.repeat(MAX_SENTENCE_CHARS + 1);
    try {
      readFigureLines(`${long}\n参加者5名\n${long}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SouseiError);
      expect((error as SouseiError).code).toBe('invalid-input');
      expect((error as SouseiError).findings.map((f) => f.location?.line)).toEqual([1, 3]);
    }
  });
});
