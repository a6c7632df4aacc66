import { type PaletteKind } from './form-model';

/** Palette groups, in the order an administrator looks for them; every kind once. */
export const PALETTE_GROUPS: { id: string; kinds: PaletteKind[] }[] = [
  { id: 'input', kinds: ['text', 'textarea', 'number', 'date'] },
  { id: 'choice', kinds: ['select', 'radio', 'checkbox'] },
  { id: 'directory', kinds: ['user', 'unit'] },
  { id: 'other', kinds: ['attachment', 'table', 'display'] },
];
