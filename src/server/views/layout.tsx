import type { Child } from 'hono/jsx';
import { urls } from '../urls.ts';

export interface LayoutProps {
  title: string;
  /** Who is signed in (name, role label), or null for the public. */
  user: { name: string; role: string } | null;
  csrfToken: string;
  municipality?: { code: string; name: string } | null;
  nav?: { href: string; label: string; current?: boolean }[];
  children?: Child;
}

/**
 * The page frame: skip link, header with the municipality and the signed-in person, main
 * content. Server-rendered and complete without JavaScript (GOV.UK progressive enhancement);
 * /assets/app.js only adds comfort.
 */
export function Layout(props: LayoutProps) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | 創生 Sousei`}</title>
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href="/">
              創生 <span lang="en">Sousei</span>
            </a>
            {props.municipality ? (
              <a
                class="site-header__municipality"
                href={urls.municipality(props.municipality.code)}
              >
                {props.municipality.name}
              </a>
            ) : null}
            <div class="site-header__user">
              {props.user ? (
                <form method="post" action="/logout" class="inline-form">
                  <span>
                    {props.user.name}（{props.user.role}）
                  </span>
                  <a href="/account/tokens">API トークン</a>
                  <a href="/account/password">パスワード変更</a>
                  <input type="hidden" name="_csrf" value={props.csrfToken} />
                  <button type="submit" class="button button--link">
                    ログアウト
                  </button>
                </form>
              ) : (
                <a href="/login">ログイン</a>
              )}
            </div>
          </div>
          {props.nav && props.nav.length > 0 ? (
            <nav class="site-nav" aria-label="サイト内">
              <ul>
                {props.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>創生 Sousei — 地方版総合戦略の進捗管理</p>
        </footer>
      </body>
    </html>
  );
}
