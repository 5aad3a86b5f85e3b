/**
 * The action a command with actions (`rollout status`, `trust pin`, `task
 * done`...) was given, checked: none is a usage error naming them all; a
 * mistyped one is named, with the closest suggested ("did you mean
 * 'status'?"), as mistyped commands and options are.
 */
import { UsageError } from '../errors.js';
import { didYouMean } from '../records/didYouMean.js';

export function checkAction<A extends string>(given: string | undefined, actions: readonly A[], missing: string): A {
  if (given === undefined) throw new UsageError(missing);
  if ((actions as readonly string[]).includes(given)) return given as A;
  const meant = didYouMean(given, actions);
  throw new UsageError(`unknown action '${given}'${meant ? ` (did you mean '${meant}'?)` : ''}: use one of ${actions.join(', ')}`, { action: given, actions: [...actions], ...(meant ? { meant } : {}) });
}
