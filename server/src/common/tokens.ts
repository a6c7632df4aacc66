/** Injection tokens for values created before Nest starts (the database, the config, the logger). */
export const DATABASE = Symbol('DATABASE');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** The engine's `Clock`: the system clock in production, a VirtualClock in tests. */
export const CLOCK = Symbol('CLOCK');
