import { hasMessage, type Params, t } from '../../i18n/translate.ts';

/**
 * What the last action did, after its redirect: `?done=KEY` names the catalogue's `done.KEY`.
 * An unknown key shows nothing, so a crafted link cannot put words on the page.
 */
export function DoneNotice(props: { done: string | undefined; params?: Params }) {
  const key = `done.${props.done ?? ''}`;
  if (!props.done || !/^[a-z-]+$/.test(props.done) || !hasMessage(key)) return null;
  return (
    <div class="notice" role="status">
      {t(key, props.params)}
    </div>
  );
}
