import { cpus, freemem, totalmem } from 'node:os';

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
