import type { Page } from 'playwright-core';

/** Why the page is wider than the screen. */
export interface Overflow {
  pageWidth: number;
  screenWidth: number;
  /** The element reaching furthest right, with its size and the start of its text. */
  widest: string;
}

/**
 * Runs in the page (as text: the project's TypeScript has no DOM types). Inside a box that
 * clips or scrolls an element may be wide, unless it is positioned out of the box: an absolutely
 * positioned element (a visually hidden label in a table) escapes every box below its
 * containing block and widens the page. Of the others, the one reaching furthest right is named;
 * the deepest wins a tie, since it is the one whose content is too wide. When no box reaches
 * past the screen, the last (deepest) element whose text overflows it is named.
 */
const SCRIPT = `(screenWidth) => {
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth <= screenWidth) return null;
  const clips = (x) => x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip';
  const insideOwnBox = (e) => {
    const position = getComputedStyle(e).position;
    if (position === 'fixed') return false;
    let escaping = position === 'absolute';
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (escaping && style.position === 'static') continue;
      escaping = false;
      if (clips(style.overflowX)) return true;
    }
    return false;
  };
  let widest = null;
  let right = 0;
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.right >= right && r.right > screenWidth && !insideOwnBox(e)) {
      widest = e;
      right = r.right;
    }
  }
  // No box reaches past the screen: then text overflows its box (a long unbroken word).
  if (!widest) {
    for (const e of document.body.querySelectorAll('*')) {
      if (e.scrollWidth > e.clientWidth + 1 && !clips(getComputedStyle(e).overflowX)) widest = e;
    }
    right = widest ? widest.getBoundingClientRect().left + widest.scrollWidth : 0;
  }
  if (!widest) return { pageWidth, screenWidth, widest: 'none found' };
  const name = widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '') +
    [...widest.classList].map((c) => '.' + c).join('');
  const text = (widest.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const width = Math.round(widest.getBoundingClientRect().width);
  return {
    pageWidth,
    screenWidth,
    widest: '<' + name + '> right edge ' + Math.round(right) + ' px, ' + width + ' px wide: "' + text + '"',
  };
}`;

/**
 * The page's width against the screen's, or null when it fits. The screen's width is given: a
 * mobile browser widens its layout viewport (and `innerWidth`) to a page that overflows and
 * zooms out, so `innerWidth` would hide the very fault this is there to show.
 */
export async function measureOverflow(page: Page, screenWidth: number): Promise<Overflow | null> {
  return (await page.evaluate(`(${SCRIPT})(${screenWidth})`)) as Overflow | null;
}
