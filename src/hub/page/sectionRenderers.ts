/**
 * The page's section renderers, keyed by snapshot section name, in the order the board shows
 * them. A renderer returns null when the data is not the shape it knows; that section, and any
 * section with no renderer here (a new kind of record), is shown by the generic table. A new
 * section plugs in by adding a line here — the server and the page's script stay as they are.
 */
import type { HubView } from './pageTypes.js';
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

export interface SectionRenderer {
  title: string;
  render: (data: unknown, view: HubView) => string | null;
}

export const SECTION_RENDERERS: ReadonlyMap<string, SectionRenderer> = new Map<string, SectionRenderer>([
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
