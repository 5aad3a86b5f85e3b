import { PLAIN } from './style.js';
/** Waves listed; the rest are counted. */
const SHOWN_WAVES = 40;
export function simulationText(sim, style = PLAIN) {
    const waves = sim.ticks.filter((t) => t.grants.length > 0);
    const out = [style.bold(`${sim.intent}: simulated rollout`)];
    for (const [i, t] of waves.slice(0, SHOWN_WAVES).entries()) {
        const held = Object.entries(t.waits).sort(([, a], [, b]) => b - a).map(([code, n]) => `${code} ${n}`).join(', ');
        out.push(`  wave ${i + 1} at tick ${t.tick}: ${t.grants.join(', ')}${held ? style.dim(` — others wait: ${held}`) : ''}`);
    }
    if (waves.length > SHOWN_WAVES)
        out.push(style.dim(`  … and ${waves.length - SHOWN_WAVES} more waves (--format json has every tick)`));
    const last = sim.ticks[sim.ticks.length - 1];
    const counts = new Map();
    for (const s of Object.values(last?.states ?? {}))
        counts.set(s, (counts.get(s) ?? 0) + 1);
    const result = sim.result === 'complete' ? style.green('complete') : style.red(sim.result);
    out.push(`  ${result} after ${sim.tickCount} tick(s) of one simulated minute, ${sim.leased} lease(s): ${[...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${n} ${s}`).join(', ') || 'no targeted node'}`);
    if (sim.halted)
        out.push(`  ${style.red('halted')}: ${sim.halted.message} (${sim.halted.code})`);
    if (sim.result === 'stuck' && last) {
        const why = Object.entries(last.waits).map(([code, n]) => `${code} ${n}`).join(', ');
        out.push(`  stuck: nothing in flight and nothing can start (${why || 'no reason given'})`);
    }
    return out.join('\n');
}
//# sourceMappingURL=simulationText.js.map