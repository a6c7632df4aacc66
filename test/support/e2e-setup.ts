// A browser test walks a whole case through several people's screens on a shared, loaded
// machine: minutes, not seconds. (Jest reads `testTimeout` only from the global config.)
jest.setTimeout(300_000);
