import type { Actor } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import { urls } from '../urls.ts';

export interface ErrorPageProps {
  status: number;
  message: string;
  actor: Actor | null;
  /** The page the person came from, when it is one of ours (the Referer, same origin). */
  back: string | null;
}

/**
 * A refused request in words, with what to do and a way back: the page the person came from and
 * the top of their municipality (or the front page). A 403 says whom to ask.
 */
export function ErrorPage(props: ErrorPageProps) {
  const forbidden = props.status === 403;
  const top = props.actor ? urls.municipality(props.actor.municipalityCode) : urls.home();
  return (
    <>
      <div class="error-summary" role="alert">
        <h1>{forbidden ? t('error-page.forbidden') : t('error-page.failed')}</h1>
        <p>{props.message}</p>
        {forbidden ? <p>{t('error-page.forbidden-help')}</p> : null}
      </div>
      <ul class="error-page__ways">
        {props.back ? (
          <li>
            <a href={props.back}>{t('error-page.back')}</a>
          </li>
        ) : null}
        <li>
          <a href={top}>
            {props.actor ? t('error-page.to-municipality') : t('error-page.to-home')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** The Referer as a path of this site, or null (another site, none, or this very page). */
export function sameSiteBack(referer: string | undefined, requestUrl: string): string | null {
  if (!referer) return null;
  try {
    const from = new URL(referer);
    const here = new URL(requestUrl);
    if (from.origin !== here.origin) return null;
    const path = `${from.pathname}${from.search}`;
    return path === `${here.pathname}${here.search}` ? null : path;
  } catch {
    return null;
  }
}
