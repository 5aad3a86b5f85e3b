/**
 * `--fail-on error|warning|none`: the lowest finding severity that makes a
 * command exit 1 (default error). Every command that reports findings takes
 * it and decides through `commandResult` (one rule, src/cli/commandResult.ts).
 */
import { UsageError } from '../errors.js';
export const FAIL_ON_OPTION = { 'fail-on': { type: 'string' } };
export const FAIL_ON_USAGE = '  --fail-on error|warning|none\n              exit 1 on findings of this severity or worse (default error; none: never)';
export function failOn(args) {
    const v = args.values['fail-on'];
    if (v === undefined)
        return 'error';
    if (v === 'error' || v === 'warning' || v === 'none')
        return v;
    throw new UsageError(`--fail-on must be error, warning or none, not '${String(v)}'`, { option: 'fail-on', value: v });
}
//# sourceMappingURL=failOn.js.map