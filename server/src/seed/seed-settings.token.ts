/** Injection token of the `SeedSettings` (undefined: no seeding). */
export const SEED_SETTINGS = Symbol('SEED_SETTINGS');
