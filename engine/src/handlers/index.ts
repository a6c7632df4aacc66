export * from './service-handler';
export * from './handler-registry';
export { setVariablesHandler } from './set-variables.handler';
