import { freezeSection } from './freezeSection.js';
import { intentsSection } from './intentsSection.js';
import { renderDrainSection } from './renderDrainSection.js';
import { rolloutsSection } from './rolloutsSection.js';
import { workplansSection } from './workplansSection.js';
export function renderBoardSection(data) {
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
//# sourceMappingURL=renderBoardSection.js.map