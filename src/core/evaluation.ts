import type { CommentRole } from './permissions.ts';

export interface EvaluationComment {
  id: number;
  role: CommentRole;
  userName: string | null;
  text: string;
  at: string;
}

/** A project's evaluation of one fiscal year: 事業効果, 今後の方針 and the comments by role. */
export interface Evaluation {
  projectId: number;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comments: EvaluationComment[];
}
