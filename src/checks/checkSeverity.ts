/**
 * The severity of a check that did not pass: a failing check has the severity
 * its policy gives it (`severity: warning`, or error by default); a check that
 * could not run (`error`, `timeout`) is always an error, whatever its policy
 * says — it proves nothing either way, and a broken check must not pass
 * unnoticed. Pure.
 */
import type { CheckResult } from './checkResult.js';

export function checkSeverity(severity: string | null | undefined, status: Exclude<CheckResult['status'], 'pass'>): 'error' | 'warning' {
  return status === 'fail' && severity === 'warning' ? 'warning' : 'error';
}
