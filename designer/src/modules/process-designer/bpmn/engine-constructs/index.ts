import type { ModuleDeclaration } from 'didi';
import { RefusedConstructsFilter } from './refused-constructs-filter';

/** Keeps the modeller to the constructs the engine runs. */
export const EngineConstructsModule: ModuleDeclaration = {
  __init__: ['refusedConstructsFilter'],
  refusedConstructsFilter: ['type', RefusedConstructsFilter],
};
