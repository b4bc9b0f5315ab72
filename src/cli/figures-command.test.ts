import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './cli-test-support.ts';

const cli = cliSandbox('figures');
afterAll(() => cli.remove());

describe('sousei figures', () => {
  it('prints one JSON array of metrics for each line of standard input', () => {
    const r = cli.run(
      ['figures'],
      '▶R2…参加者78名、出展企業28社\r\n新型コロナウイルス感染拡大により中止\n\n相談三件\n',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual([
      {
        label: '参加者',
        value: 78,
        unit: '名',
        partOf: null,
        cumulative: false,
        total: false,
        approximate: false,
        upTo: null,
        target: null,
        asOf: null,
      },
      expect.objectContaining({ label: '出展企業', value: 28, unit: '社' }),
    ]);
    expect(lines.slice(1, 3)).toEqual([[], []]);
    expect(lines[3]).toEqual([expect.objectContaining({ label: '相談', value: 3, unit: '件' })]);
  });

  it('prints the status too with --with-status, and reads 目標⇒実績 with --arrow target-actual', () => {
    const r = cli.run(
      ['figures', '--with-status', '--arrow', 'target-actual'],
      '就職決定者数10名⇒3名\n延期\n',
    );
    expect(r.code).toBe(0);
    const [first, second] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first).toEqual({
      metrics: [expect.objectContaining({ label: '就職決定者数', value: 3, target: 10 })],
      status: null,
    });
    expect(second).toEqual({ metrics: [], status: '延期' });
  });

  it('refuses an unknown convention as a usage error, and a too long line as bad input', () => {
    const usage = cli.run(['figures', '--arrow', 'both'], '参加者5名\n');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('both');
    const long = cli.run(['figures'], `参加者5名\n${'あ'.repeat(10_001)}\n`);
    expect(long.code).toBe(2);
    expect(long.stdout).toBe('');
    expect(long.stderr).toContain('2 行目');
  });
});
