/** Injection token of the `Directory` port (server/src/workflow/directory.port.ts). */
export const DIRECTORY = Symbol('DIRECTORY');
