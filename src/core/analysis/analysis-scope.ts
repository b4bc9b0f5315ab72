/**
 * What a drafted analysis is about: the whole plan, a basic goal (a root node) or a measure (a
 * node holding projects). Stored and addressed by its key: `plan` or `node-ID`.
 */
export type AnalysisScope = { kind: 'plan' } | { kind: 'goal' | 'measure'; nodeId: number };

export function scopeKey(scope: AnalysisScope): string {
  return scope.kind === 'plan' ? 'plan' : `node-${scope.nodeId}`;
}

/** The node id of a key, null for the plan; undefined when the key is not one. */
export function nodeIdOfKey(key: string): number | null | undefined {
  if (key === 'plan') return null;
  const m = /^node-([1-9]\d{0,14})$/.exec(key);
  return m ? Number(m[1]) : undefined;
}
