import type { Command } from 'commander';
import { setUserDisabledByOperator } from '../../app/auth/set-user-disabled.ts';
import { createUser, findUserByEmail, setPassword } from '../../app/auth/users.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
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

/** A new password: from stdin for scripts, else asked twice on the terminal without echo. */
async function readNewPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return readStdin();
  const password = await promptSecret('パスワード（12文字以上）: ');
  const again = await promptSecret('もう一度: ');
  if (again !== password) throw new SouseiError('usage', 'user.password-mismatch');
  return password;
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
    .option(
      '--municipality-name <name>',
      '団体名（省略可。全国地方公共団体コードの一覧の名称と照合する）',
    )
    .option('--name <name>', '表示名')
    .option(
      '--department <name>',
      '担当課（editor。繰り返し指定可）',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--password-stdin', 'パスワードを標準入力から読む（スクリプト用）')
    .action(async (email: string, o: UserAddOptions) => {
      const password = await readNewPassword(o.passwordStdin);
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
  user
    .command('password')
    .description(
      '利用者のパスワードを設定し直す（入力を求めるか --password-stdin）。その利用者のログイン中のセッションと API トークンはすべて無効になる',
    )
    .argument('<email>', 'メールアドレス（ログイン名）')
    .option('--password-stdin', 'パスワードを標準入力から読む（スクリプト用）')
    .action(async (email: string, o: { passwordStdin?: boolean }) => {
      await withContext(globals(), (ctx) => findUserByEmail(ctx, email));
      const password = await readNewPassword(o.passwordStdin);
      await withContext(globals(), async (ctx) => {
        const user = await findUserByEmail(ctx, email);
        await setPassword(ctx, user.id, password);
      });
      out(t('cli.password-changed', { email }));
    });
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(
        disabled
          ? '利用者を無効にする（ログインできなくなり、セッションと API トークンはすべて無効になる）'
          : '無効にした利用者を有効に戻す',
      )
      .argument('<email>', 'メールアドレス（ログイン名）')
      .action(async (email: string) => {
        const changed = await withContext(globals(), async (ctx) =>
          setUserDisabledByOperator(ctx, await findUserByEmail(ctx, email), disabled),
        );
        const key = !changed
          ? 'cli.user-unchanged'
          : disabled
            ? 'cli.user-disabled'
            : 'cli.user-enabled';
        out(t(key, { email }));
      });
  }
}
