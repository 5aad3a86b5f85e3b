import { renderChecksSection } from './renderChecksSection.js';
import { renderFindingsSection } from './renderFindingsSection.js';
import { renderFleetSection } from './renderFleetSection.js';
import { renderIntentsSection } from './renderIntentsSection.js';
import { renderNodesSection } from './renderNodesSection.js';
import { renderOutboxSection } from './renderOutboxSection.js';
import { renderRolloutsSection } from './renderRolloutsSection.js';
import { renderTopologySection } from './renderTopologySection.js';
import { renderWorkloadsSection } from './renderWorkloadsSection.js';
import { renderWorkplansSection } from './renderWorkplansSection.js';
export const SECTION_RENDERERS = new Map([
    ['fleet', { title: 'Fleet', render: renderFleetSection }],
    ['outbox', { title: 'Upstream and outbox', render: renderOutboxSection }],
    ['nodes', { title: 'Nodes', render: renderNodesSection }],
    ['topology', { title: 'Topology', render: renderTopologySection }],
    ['workloads', { title: 'Service distribution', render: renderWorkloadsSection }],
    ['workplans', { title: 'Workplans', render: renderWorkplansSection }],
    ['checks', { title: 'Checks', render: renderChecksSection }],
    ['findings', { title: 'Findings', render: renderFindingsSection }],
    ['intents', { title: 'Intents', render: renderIntentsSection }],
    ['rollouts', { title: 'Rollouts', render: renderRolloutsSection }],
]);
//# sourceMappingURL=sectionRenderers.js.map