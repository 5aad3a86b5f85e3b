/** What a failed run of the system's git said: its first line on stderr (execFileSync keeps it on the error), else the error's own. Pure. */
export function gitMessage(e: unknown): string {
  const stderr = (e as { stderr?: unknown }).stderr;
  const said = typeof stderr === 'string' ? stderr.trim() : Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : '';
  return (said || (e as Error).message).split('\n')[0]!;
}
