export function evaluateExpression(expr, ctx) {
    const tokens = tokenize(expr);
    let i = 0;
    const fail = (why) => {
        throw new Error(`unsupported expression '${expr}': ${why}`);
    };
    const peek = () => tokens[i];
    const take = (v) => {
        const t = tokens[i++];
        if (!t || (v !== undefined && t.v !== v))
            fail(`expected ${v ?? 'more'} at token ${i}`);
        return t;
    };
    const or = () => {
        let left = and();
        while (peek()?.v === '||') {
            take();
            const right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    };
    const and = () => {
        let left = unary();
        while (peek()?.v === '&&') {
            take();
            const right = unary();
            left = truthy(left) ? right : left;
        }
        return left;
    };
    const unary = () => {
        if (peek()?.v === '!') {
            take();
            return !truthy(unary());
        }
        return compare();
    };
    const compare = () => {
        const left = primary();
        const op = peek()?.v;
        if (op === '==' || op === '!=') {
            take();
            const right = primary();
            const eq = loose(left) === loose(right);
            return op === '==' ? eq : !eq;
        }
        return left;
    };
    const primary = () => {
        const t = take();
        if (t.t === 'str')
            return t.v;
        if (t.t === 'num')
            return Number(t.v);
        if (t.v === '(') {
            const v = or();
            take(')');
            return v;
        }
        if (t.t !== 'id')
            return fail(`unexpected '${t.v}'`);
        if (t.v === 'true' || t.v === 'false')
            return t.v === 'true';
        if (t.v === 'null')
            return null;
        if (peek()?.v === '(') {
            take('(');
            take(')');
            if (t.v === 'always')
                return true;
            if (t.v === 'success')
                return ctx.status === 'success';
            if (t.v === 'failure')
                return ctx.status === 'failure';
            if (t.v === 'cancelled')
                return false;
            return fail(`function ${t.v}() is not supported by the local runner`);
        }
        const [head, ...rest] = t.v.split('.');
        if (!(head in ctx.contexts))
            return fail(`no context '${head}'`);
        let v = ctx.contexts[head];
        for (const k of rest)
            v = v !== null && typeof v === 'object' ? v[k] : undefined;
        return v ?? null;
    };
    const value = or();
    if (i !== tokens.length)
        fail(`unexpected '${tokens[i].v}'`);
    return value;
}
/** A string with every `${{ expression }}` replaced by its value ('' for null). */
export function interpolate(text, ctx) {
    return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e) => {
        const v = evaluateExpression(e.trim(), ctx);
        return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
}
/** An `if:` condition: with or without `${{ }}`. */
export function condition(text, ctx) {
    if (text === undefined)
        return ctx.status === 'success';
    const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(String(text));
    const expr = m ? m[1].trim() : String(text);
    // Without a status function, a condition holds only while everything before succeeded.
    const statusChecked = /\b(always|success|failure|cancelled)\s*\(/.test(expr);
    return (statusChecked || ctx.status === 'success') && truthy(evaluateExpression(expr, ctx));
}
function truthy(v) {
    return !(v === false || v === null || v === undefined || v === 0 || v === '' || Number.isNaN(v));
}
function loose(v) {
    return typeof v === 'string' ? v.toLowerCase() : v;
}
function tokenize(expr) {
    const out = [];
    const re = /\s*(?:'((?:[^']|'')*)'|(\d+(?:\.\d+)?)|([A-Za-z_][\w-]*(?:\.[\w-]+)*)|(==|!=|&&|\|\||[!()]))/y;
    let at = 0;
    while (at < expr.length) {
        if (/^\s*$/.test(expr.slice(at)))
            break;
        re.lastIndex = at;
        const m = re.exec(expr);
        if (!m)
            throw new Error(`unsupported expression '${expr}': cannot read it from '${expr.slice(at)}'`);
        at = re.lastIndex;
        if (m[1] !== undefined)
            out.push({ t: 'str', v: m[1].replace(/''/g, "'") });
        else if (m[2] !== undefined)
            out.push({ t: 'num', v: m[2] });
        else if (m[3] !== undefined)
            out.push({ t: 'id', v: m[3] });
        else
            out.push({ t: 'op', v: m[4] });
    }
    return out;
}
//# sourceMappingURL=evaluateExpression.js.map