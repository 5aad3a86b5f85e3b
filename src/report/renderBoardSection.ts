/** One board section that a reconcile step added, as Markdown. */
import type { BoardSectionData } from '../reconcile/boardInput.js';
import { freezeSection } from './freezeSection.js';
import { intentsSection } from './intentsSection.js';
import { renderDrainSection } from './renderDrainSection.js';
import { rolloutsSection } from './rolloutsSection.js';
import { workplansSection } from './workplansSection.js';

export function renderBoardSection(data: BoardSectionData): string {
  switch (data.kind) {
    case 'freeze':
      return freezeSection(data);
    case 'drain':
      return renderDrainSection(data.progress);
    case 'workplans':
      return workplansSection(data.evaluation);
    case 'intents':
      return intentsSection(data);
    case 'rollouts':
      return rolloutsSection(data);
  }
}
