/** A case-insensitive "contains" match for free text typed into a search box. */
export function searchPattern(text: string): { $regex: string; $options: string } {
  return { $regex: text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
}
