import type { Command } from 'commander';
import { createApiToken } from '../../app/auth/api-tokens.ts';
import { findUserByEmail, loadActor } from '../../app/auth/users.ts';
import { SouseiError } from '../../core/errors.ts';
import { err, out } from '../cli-io.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface TokenCreateOptions {
  email: string;
  name: string;
}

/** API tokens for operators: `sousei token create` prints a new token's secret once. */
export function registerToken(program: Command, globals: () => GlobalOptions) {
  const token = program.command('token').description('API トークンの管理');
  token
    .command('create')
    .description(
      '利用者の API トークンを作り、その値を標準出力に一度だけ書く（保存されるのはハッシュだけ）',
    )
    .requiredOption('--email <email>', 'トークンを使う利用者のメールアドレス')
    .requiredOption('--name <name>', 'トークンの名前（用途が分かるように）')
    .action(async (o: TokenCreateOptions) => {
      const created = await withContext(globals(), async (ctx) => {
        const user = await findUserByEmail(ctx, o.email);
        const actor = await loadActor(ctx, user.id);
        if (!actor) throw new SouseiError('not-found', 'user.not-found', { email: o.email });
        return createApiToken(ctx, actor, o.name);
      });
      out(created.secret);
      err(
        `API トークン「${created.name}」を作りました（ID ${created.id}、${o.email}）。この値は二度と表示されません。`,
      );
    });
}
