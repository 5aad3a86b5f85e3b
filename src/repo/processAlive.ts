/** Whether a process with this pid exists (one we may not signal counts: EPERM means it is there). For stale-lock and leftover-file checks. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
