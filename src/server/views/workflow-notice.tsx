import { t } from '../../i18n/translate.ts';

const DONE = new Set([
  'open',
  'lock',
  'unlock',
  'publish',
  'unpublish',
  'submit',
  'accept',
  'return',
]);

/** Says what a workflow action just did, after its redirect (`?done=lock`). */
export function WorkflowNotice(p: { action: string; what?: string }) {
  if (!DONE.has(p.action)) return null;
  return (
    <div class="notice" role="status">
      {t(`done.${p.action}`, { what: p.what ?? '' })}
    </div>
  );
}
