import type { Child } from 'hono/jsx';

/**
 * A box that scrolls sideways on its own when its content (a wide table, a code sample) is wider
 * than the screen, so the page itself never does. It is a named region a keyboard can focus
 * (tabindex 0) and scroll with the arrow keys, and a screen reader announces by its label: the
 * pattern of GOV.UK and the Digital Agency's design system. The label is the table's caption
 * or says what the code is.
 */
export function ScrollBox(props: { label: string; children?: Child; pre?: boolean }) {
  const attributes = {
    class: 'table-scroll',
    role: 'region',
    'aria-label': props.label,
    tabindex: 0,
  };
  return props.pre ? (
    <pre {...attributes}>{props.children}</pre>
  ) : (
    <div {...attributes}>{props.children}</div>
  );
}
