/**
 * What `fleethub comment` does with a pull request's comments: the body made
 * to start with the marker line, then create a comment when none starts with
 * the marker, edit the first that does when its body differs, or leave it be.
 * Pure.
 */
export interface ExistingComment {
  id: number;
  body: string;
}

export type CommentPlan = { action: 'create'; body: string } | { action: 'edit'; id: number; body: string } | { action: 'unchanged'; id: number; body: string };

export function planComment(existing: readonly ExistingComment[], body: string, marker: string): CommentPlan {
  const marked = body.trimStart().startsWith(marker) ? body : `${marker}\n${body}`;
  const mine = existing.find((c) => c.body.trimStart().startsWith(marker));
  if (!mine) return { action: 'create', body: marked };
  return mine.body === marked ? { action: 'unchanged', id: mine.id, body: marked } : { action: 'edit', id: mine.id, body: marked };
}
