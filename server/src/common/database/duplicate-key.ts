/** MongoDB and FerretDB both answer a second insert of the same `_id` with error code 11000. */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
