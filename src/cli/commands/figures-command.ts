import type { Command } from 'commander';
import { readFigureLines } from '../../app/figures/read-figures.ts';
import { SouseiError } from '../../core/errors.ts';
import { INPUT_LIMITS } from '../../core/input-limits.ts';
import { out } from '../cli-io.ts';
import { parseChoice } from '../cli-options.ts';
import type { GlobalOptions } from '../with-context.ts';

interface FiguresOptions {
  arrow: string;
  withStatus?: boolean;
}

const ARROWS = ['revision', 'target-actual'] as const;

/** Reads no database: the figures of each line of standard input, one JSON line each. */
export function registerFigures(program: Command, _globals: () => GlobalOptions) {
  program
    .command('figures')
    .description(
      '標準入力の一行一文から数値（件数・人数・金額など）を読み取り、一行ごとに JSON で出力する',
    )
    .option(
      '--arrow <convention>',
      '⇒ の意味: revision（見直し。既定）または target-actual（目標⇒実績）',
      'revision',
    )
    .option(
      '--with-status',
      '一行を {"metrics":[…],"status":…} で出力する（status は 中止・延期・実施なし・null）',
    )
    .addHelpText(
      'after',
      [
        '',
        '出力: 入力の一行につき一行。既定は数値の配列のみ:',
        '  [{"label":"参加者","value":78,"unit":"名","partOf":null,"cumulative":false,"total":false,',
        '    "approximate":false,"upTo":null,"target":null,"asOf":null}, …]',
        '例: echo "▶R2…参加者78名、出展企業28社" | sousei figures',
        '読み取りの規則と精度: docs/extraction.md',
      ].join('\n'),
    )
    .action(async (o: FiguresOptions) => {
      const arrow = parseChoice(o.arrow, ARROWS);
      const results = readFigureLines(await readStdin(), { arrow });
      for (const r of results) out(JSON.stringify(o.withStatus ? r : r.metrics));
    });
}

/** Standard input, whole: bounded like any text file the CLI reads. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    bytes += (chunk as Buffer).length;
    if (bytes > INPUT_LIMITS.textBytes)
      throw new SouseiError('invalid-input', 'figures.input-too-large', {
        limit: INPUT_LIMITS.textBytes,
      });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
