/**
 * The hub's picture of the fleet: a revision (grows with every change the hub
 * sees) and named sections of plain data, each made by a builder of the
 * registry (src/hub/hubSections.ts). A new kind of record plugs in by adding a
 * builder there; the server and the page's generic renderer need no change.
 */
import type { HubInput, SectionBuilder } from './hubInput.js';
import { HUB_SECTIONS } from './hubSections.js';

export type { HubInput, HubOutboxState, SectionBuilder } from './hubInput.js';

export interface HubSnapshot {
  revision: number;
  /** ISO time of the evaluation it shows. */
  generatedAt: string;
  sections: Record<string, unknown>;
}

export function hubSnapshot(input: HubInput, revision: number, builders: Readonly<Record<string, SectionBuilder>> = HUB_SECTIONS): HubSnapshot {
  const sections: Record<string, unknown> = {};
  for (const [name, build] of Object.entries(builders)) sections[name] = build(input);
  return { revision, generatedAt: input.run.now, sections };
}
