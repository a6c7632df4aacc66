/**
 * Durations as the parameters write them: ISO 8601 (`P3M`, `P15D`, `PT36H`) or working days by the
 * district calendar (`P7WD`). The builder edits the simple one-unit forms; anything else (`P1M15D`)
 * is kept as text and still described in words.
 */

/** The server's rule (server/src/parameters/parameter-definitions.ts). */
const DURATION =
  /^(?:P\d+WD|P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;
const PARTS =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const DURATION_UNITS = ['M', 'D', 'WD', 'W', 'Y', 'H'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface SimpleDuration {
  amount: number;
  unit: DurationUnit;
}

export function isValidDuration(text: unknown): text is string {
  return typeof text === 'string' && DURATION.test(text);
}

/** `P3M` → `{ 3, 'M' }`; undefined for anything with more than one unit. */
export function parseSimpleDuration(text: string | undefined): SimpleDuration | undefined {
  if (!text) return undefined;
  const wd = /^P(\d+)WD$/.exec(text);
  if (wd) return { amount: Number(wd[1]), unit: 'WD' };
  const hours = /^PT(\d+)H$/.exec(text);
  if (hours) return { amount: Number(hours[1]), unit: 'H' };
  const single = /^P(\d+)([YMWD])$/.exec(text);
  if (single) return { amount: Number(single[1]), unit: single[2] as DurationUnit };
  return undefined;
}

export function formatSimpleDuration({ amount, unit }: SimpleDuration): string {
  if (unit === 'WD') return `P${amount}WD`;
  if (unit === 'H') return `PT${amount}H`;
  return `P${amount}${unit}`;
}

/** The amounts of each unit in a duration, in order (`P1M15D` → M 1, D 15); [] when invalid. */
export function durationParts(text: string | undefined): { unit: string; amount: string }[] {
  if (!text || !isValidDuration(text)) return [];
  const wd = /^P(\d+)WD$/.exec(text);
  if (wd) return [{ unit: 'WD', amount: wd[1] }];
  const match = PARTS.exec(text);
  if (!match) return [];
  const units = ['Y', 'M', 'W', 'D', 'H', 'MIN', 'S'];
  return units
    .map((unit, index) => ({ unit, amount: match[index + 1] }))
    .filter((part): part is { unit: string; amount: string } => part.amount !== undefined);
}
