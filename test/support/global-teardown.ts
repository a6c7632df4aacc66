export default async function globalTeardown(): Promise<void> {
  await globalThis.__CONGRESSFLOW_TEST_FERRETDB__?.stop();
}
