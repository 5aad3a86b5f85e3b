import { checks } from './sections/checks.js';
import { findings } from './sections/findings.js';
import { fleet } from './sections/fleet.js';
import { intents } from './sections/intents.js';
import { nodes } from './sections/nodes.js';
import { outbox } from './sections/outbox.js';
import { rollouts } from './sections/rollouts.js';
import { topology } from './sections/topology.js';
import { workloads } from './sections/workloads.js';
import { workplans } from './sections/workplans.js';
export const HUB_SECTIONS = { fleet, nodes, topology, workloads, workplans, checks, findings, intents, rollouts, outbox };
//# sourceMappingURL=hubSections.js.map