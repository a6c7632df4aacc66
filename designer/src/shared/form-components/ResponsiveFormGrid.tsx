import { FormGrid, type IFormGridProps } from '@formily/antd-v5';
import type { ReactNode } from 'react';

/** Columns narrower than this fold into one: a two-column form becomes one column on a phone. */
export const GRID_COLUMN_MIN_WIDTH = 240;

function PhoneFriendlyGrid(props: IFormGridProps & { children?: ReactNode }) {
  return <FormGrid minWidth={props.grid ? undefined : GRID_COLUMN_MIN_WIDTH} {...props} />;
}

/**
 * Formily's FormGrid with a wider default column minimum (Formily's own is 100 px, which keeps
 * two cramped columns on a 375 px phone). A schema's explicit `minWidth` still wins.
 */
export const ResponsiveFormGrid = Object.assign(PhoneFriendlyGrid, {
  GridColumn: FormGrid.GridColumn,
  createFormGrid: FormGrid.createFormGrid,
  useFormGrid: FormGrid.useFormGrid,
});
