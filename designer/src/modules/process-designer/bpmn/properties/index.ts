import type { ModuleDeclaration } from 'didi';
import { CongressPropertiesProvider } from './congress-properties-provider';

/** Our properties-panel provider; needs the BPMN properties panel and the reference data module. */
export const CongressPropertiesModule: ModuleDeclaration = {
  __init__: ['congressPropertiesProvider'],
  congressPropertiesProvider: ['type', CongressPropertiesProvider],
};
