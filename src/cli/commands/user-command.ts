import type { Command } from 'commander';
import { createUser } from '../../app/auth/users.ts';
import { SouseiError } from '../../core/errors.ts';
import { out } from '../cli-io.ts';
import { promptSecret, readStdin } from '../read-secret.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface UserAddOptions {
  role: string;
  municipality: string;
  municipalityName?: string;
  name?: string;
  department: string[];
  passwordStdin?: boolean;
}

export function registerUser(program: Command, globals: () => GlobalOptions) {
  const user = program.command('user').description('利用者（アカウント）の管理');
  user
    .command('add')
    .description(
      '利用者を追加する（最初の管理者もこれで作る）。パスワードは入力を求めるか --password-stdin',
    )
    .argument('<email>', 'メールアドレス（ログイン名）')
    .requiredOption('--role <role>', 'admin（企画課）、editor（担当課）、committee（外部有識者）')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（例: 012050）')
    .option('--municipality-name <name>', '団体名（初めて登録する団体のとき）')
    .option('--name <name>', '表示名')
    .option(
      '--department <name>',
      '担当課（editor。繰り返し指定可）',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--password-stdin', 'パスワードを標準入力から読む（スクリプト用）')
    .action(async (email: string, o: UserAddOptions) => {
      const password = o.passwordStdin
        ? await readStdin()
        : await promptSecret('パスワード（12文字以上）: ');
      if (!o.passwordStdin) {
        const again = await promptSecret('もう一度: ');
        if (again !== password) throw new SouseiError('usage', 'user.password-mismatch');
      }
      const id = await withContext(globals(), (ctx) =>
        createUser(ctx, {
          municipalityCode: o.municipality,
          municipalityName: o.municipalityName,
          email,
          name: o.name,
          role: o.role,
          password,
          departments: o.department,
        }),
      );
      out(`利用者を追加しました: ${email}（${o.role}、ID ${id}）`);
    });
}
