import type { ServiceHandler } from './service-handler';

/** Copies its (already evaluated) parameters into the instance variables. */
export const setVariablesHandler: ServiceHandler = {
  topic: 'set-variables',
  description:
    'Sets each input parameter as an instance variable (values may be FEEL expressions).',
  parameters: [],
  execute: async ({ parameters }) => ({ ...parameters }),
};
