/** The parameter snapshot of an instance, or the district's current parameters when it has none. */
export async function instanceParams(
  variables: Readonly<Record<string, unknown>>,
  current: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const snapshot = variables.params;
  return snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot)
    ? (snapshot as Record<string, unknown>)
    : current();
}
