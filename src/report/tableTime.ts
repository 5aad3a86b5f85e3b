/** An ISO time as a table shows it: `YYYY-MM-DD hh:mm:ss` (UTC, to the second), which wraps at its space; '-' for none. JSON keeps the exact time. Pure. */
export function tableTime(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '-';
}
