import { before } from './around.ts';
import { MASK } from './not-quantities.ts';

/**
 * ⇒ in the sample marks a revision (`⇒動画作成に変更`): what follows it, up to the next ▶, says
 * how the activity will change, not what it achieved, so its figures are no metrics and its words
 * no status. Under the 目標⇒実績 convention (another city's table: `就職決定者数10名⇒3名`) a ⇒
 * right after a figure joins that target to its actual (`10名⇒3名`), or to what became of it
 * (`20名⇒中止`); any other ⇒ still opens a revision.
 */
export function maskRevisions(text: string, arrow: 'revision' | 'target-actual'): string {
  const parts: string[] = [];
  let kept = 0;
  let from = 0;
  for (;;) {
    const i = text.indexOf('⇒', from);
    if (i < 0) break;
    if (arrow === 'target-actual' && afterFigure(text, i)) {
      from = i + 1;
      continue;
    }
    const next = text.indexOf('▶', i);
    const end = next < 0 ? text.length : next;
    parts.push(text.slice(kept, i), MASK.repeat(end - i));
    kept = end;
    from = end;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

const NUMBER_BEFORE = /[\d〇一二三四五六七八九十百千万]\s*[^\s\d、。()⇒]{0,3}\s*$/u;

export function afterFigure(text: string, arrowAt: number): boolean {
  return NUMBER_BEFORE.test(before(text, arrowAt));
}
