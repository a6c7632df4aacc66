import { cpus, freemem, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

/** The command line's `--name value` flags, each given or its default; an unknown flag throws. */
export function flagValues<K extends string>(defaults: Record<K, string>): Record<K, string> {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [
      name,
      { type: 'string' as const, default: value as string },
    ]),
  );
  return parseArgs({ options }).values as Record<K, string>;
}

/** Every flag as a positive whole number (see `flagValues` and `positive`). */
export function positiveFlags<K extends string>(defaults: Record<K, string>): Record<K, number> {
  const values = flagValues(defaults);
  return Object.fromEntries(
    Object.keys(defaults).map((name) => [name, positive(values[name as K], name)]),
  ) as Record<K, number>;
}

/** A flag's value as a positive whole number, or an error naming the flag. */
export function positive(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Bytes in GiB, one decimal: the machine line both benches print. */
export const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);

/** The machine a run is on, as both benches print it first: cores, CPU, RAM, node. */
export const machine = () =>
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${gib(totalmem())} GiB RAM (${gib(freemem())} free), node ${process.version}`;
