import TestRunner from 'jest-runner';

/**
 * Jest's own runner, but serial: the browser tests share one server and two cores with whatever
 * else runs, so they go one file at a time — after the other projects' files when `npm test` runs
 * everything (jest runs one runner after the other).
 */
export default class SerialTestRunner extends TestRunner {
  override readonly isSerial = true;
}
