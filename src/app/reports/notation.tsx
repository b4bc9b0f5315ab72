import { renderEntry } from '../../core/activity-notation.ts';
import type { Conventions, Entry } from '../../core/plan.ts';
import { t } from '../../i18n/translate.ts';

/**
 * The table's marks as HTML: ☐ for an activity (whatever the source wrote for it, such as
 * `<input type="checkbox"/>`), ▶ and ⇒ for entries, an underline for KPI results. Marks are
 * hidden from screen readers and named in words instead. Text is always text: JSX escapes it.
 */
export function ActivityMark() {
  return (
    <>
      <span class="activity-mark" aria-hidden="true">
        ☐
      </span>
      <span class="visually-hidden">{t('word.activity')}: </span>
    </>
  );
}

export function entryMark(entry: Entry, conventions: Conventions): string {
  return entry.kind === 'result' ? conventions.resultMark : conventions.revisionMark;
}

/** The mark (▶ or ⇒), named for screen readers. */
export function EntryMark(props: { entry: Entry; conventions: Conventions }) {
  return (
    <>
      <span class="entry-mark" aria-hidden="true">
        {entryMark(props.entry, props.conventions)}
      </span>
      <span class="visually-hidden">
        {t(props.entry.kind === 'result' ? 'word.result' : 'word.revision')}:{' '}
      </span>
    </>
  );
}

/** The entry's words; a KPI result underlined and labelled. */
export function EntryText(props: { entry: Entry }) {
  if (!props.entry.kpi) return <>{props.entry.text}</>;
  return (
    <span class="kpi">
      <span class="visually-hidden">{t('word.kpi')}: </span>
      {props.entry.text}
    </span>
  );
}

/** An entry as the source writes it: `▶R2…41件` (mark, the year prefix as written, words). */
export function SourceEntry(props: { entry: Entry; conventions: Conventions }) {
  const { entry, conventions } = props;
  const prefix = renderEntry({ ...entry, text: '', kpi: false }, conventions);
  const yearLabel = prefix.slice(entryMark(entry, conventions).length);
  return (
    <span class="report__entry">
      <EntryMark entry={entry} conventions={conventions} />
      {yearLabel}
      <EntryText entry={entry} />
    </span>
  );
}
