/** The local runner's expressions (scripts/workflow/evaluateExpression.ts): what the workflows use, and an error for the rest. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { condition, evaluateExpression, interpolate } from '../scripts/workflow/evaluateExpression.js';
const ctx = (status = 'success') => ({ contexts: { github: { event_name: 'pull_request' }, vars: { SET: 'git+https://x/fleethub.git' }, matrix: { shard: 2 }, secrets: { GITHUB_TOKEN: 't' } }, status });
describe('evaluateExpression', () => {
    it('reads contexts, compares (strings case-insensitively), and || yields an operand', () => {
        assert.equal(evaluateExpression("github.event_name == 'pull_request'", ctx()), true);
        assert.equal(evaluateExpression("github.event_name != 'PULL_REQUEST'", ctx()), false);
        assert.equal(evaluateExpression("vars.UNSET || 'fleethub'", ctx()), 'fleethub');
        assert.equal(evaluateExpression("vars.SET || 'fleethub'", ctx()), 'git+https://x/fleethub.git');
        assert.equal(evaluateExpression("!(matrix.shard == 2) && true", ctx()), false);
        assert.equal(interpolate('--shard "${{ matrix.shard }}/3" ${{ vars.UNSET }}!', ctx()), '--shard "2/3" !');
    });
    it('conditions: no status function means "everything before succeeded"; always() runs after a failure', () => {
        assert.equal(condition(undefined, ctx('failure')), false);
        assert.equal(condition("${{ github.event_name == 'pull_request' }}", ctx('failure')), false);
        assert.equal(condition('${{ always() }}', ctx('failure')), true);
        assert.equal(condition('failure()', ctx('failure')), true);
        assert.equal(condition("github.event_name == 'push'", ctx()), false);
    });
    it('refuses what it does not know, naming the expression', () => {
        assert.throws(() => evaluateExpression("contains(github.event_name, 'pull')", ctx()), /unsupported expression 'contains\(github.event_name, 'pull'\)'/);
        assert.throws(() => evaluateExpression('inputs.x', ctx()), /no context 'inputs'/);
        assert.throws(() => evaluateExpression('github.event_name ==', ctx()), /unsupported expression/);
        assert.throws(() => evaluateExpression('1 < 2', ctx()), /cannot read it from ' < 2'/);
    });
});
//# sourceMappingURL=workflowExpressions.test.js.map