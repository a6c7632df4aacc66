/** A unique-index violation: the one race primitive FerretDB 1.24 makes atomic. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
