import { INPUT_LIMITS } from '../../core/input-limits.ts';

/**
 * Nesting a plan document may have: each level of the tree is two (a node and its `children`
 * array), plus the document's own few (projects, activities, entries). Deeper input would make
 * the schema's recursive validation, and every walk of the tree after it, exhaust the stack.
 */
export const MAX_JSON_NESTING = 2 * INPUT_LIMITS.treeDepth + 16;

/** The path of the first place nested deeper than `max`, or null; iterative, whatever the depth. */
export function tooDeepAt(value: unknown, max: number = MAX_JSON_NESTING): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= max) return next.path;
    for (const [key, child] of Object.entries(next.value)) {
      const path = next.path === '' ? key : `${next.path}.${key}`;
      stack.push({ value: child, depth: next.depth + 1, path });
    }
  }
  return null;
}
