/**
 * Whether a relay pass failed because its clone is damaged — the one failure
 * a fresh clone cures: an object missing or unreadable (left half-written by a
 * relay killed mid-write, a pack cut short), a clone without its remote, a
 * file of the clone vanishing under it, or the system git saying so (RelayCloneDamagedError). Anything
 * else — upstream's answers, a TypeError, any bug — is not retried.
 */
import { sep } from 'node:path';
import { RelayCloneDamagedError } from '../errors.js';

/** isomorphic-git's errors for objects and refs it cannot read, and for a clone whose configuration lost its remote (NoRefspecError: a clone begun by a relay killed before its creation was atomic). */
const OBJECT_ERRORS = new Set(['NotFoundError', 'ObjectTypeError', 'InternalError', 'DecompressionError', 'ParseError', 'CommitNotFetchedError', 'InvalidOidError', 'NoRefspecError']);
/** zlib's, for a truncated or garbled object. */
const ZLIB_ERRORS = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'ERR_BUFFER_OUT_OF_BOUNDS', 'ERR_OUT_OF_RANGE']);

export function isDamagedClone(e: unknown, gitdir: string): boolean {
  if (e instanceof RelayCloneDamagedError) return true;
  if (e instanceof TypeError || e instanceof ReferenceError || e instanceof SyntaxError) return false;
  const err = e as { code?: string; path?: string; message?: string } | null;
  const code = err?.code ?? '';
  if (OBJECT_ERRORS.has(code) || ZLIB_ERRORS.has(code)) return true;
  if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(code) && typeof err?.path === 'string' && (err.path + sep).startsWith(gitdir + sep)) return true;
  return code === '' && /incorrect header check|invalid (stored block lengths|distance|code lengths)|unexpected end of file/i.test(err?.message ?? '');
}
