/** Injection token of the `AuthSettings` the app was created with. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
