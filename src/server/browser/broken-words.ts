import type { Page } from 'playwright-core';

/** Text that must stay on few lines: what is selected, up to how long, on at most how many. */
export interface LineRule {
  selector: string;
  /** Only texts up to this many characters are held to the rule (longer ones may wrap). */
  maxChars: number;
  maxLines: number;
}

/**
 * The rules of issue 13: a short word on a button or in the header and navigation is never
 * broken (ログアウ/ト), and a project's name in the plan's tree is not squeezed to a few
 * characters a line.
 */
export const LINE_RULES: readonly LineRule[] = [
  { selector: 'button, .button, .site-header a, .site-nav a', maxChars: 10, maxLines: 1 },
  { selector: '.plan-table a', maxChars: 40, maxLines: 2 },
];

/**
 * Runs in the page (as text: no DOM types here). The lines a text takes are the distinct tops
 * of its range's boxes; hidden elements (no boxes) take none.
 */
const SCRIPT = `(rules) => {
  const found = [];
  for (const rule of rules) {
    for (const e of document.querySelectorAll(rule.selector)) {
      const text = (e.textContent || '').trim().replace(/\\s+/g, ' ');
      if (text === '' || [...text].length > rule.maxChars) continue;
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > rule.maxLines) found.push(text + ' (' + tops.size + ' lines)');
    }
  }
  return found;
}`;

/** The texts breaking a rule, each with the lines it takes. */
export async function brokenWords(
  page: Page,
  rules: readonly LineRule[] = LINE_RULES,
): Promise<string[]> {
  return (await page.evaluate(`(${SCRIPT})(${JSON.stringify(rules)})`)) as string[];
}
