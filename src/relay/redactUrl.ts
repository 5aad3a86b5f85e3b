/** A URL as it may be printed: without a user name or password in it. */
export function redactUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^@/]*@/i, '$1');
}
