import { ArrayTable } from '@formily/antd-v5';
import type { ComponentProps } from 'react';

type ArrayTableProps = ComponentProps<typeof ArrayTable>;

/**
 * Formily's ArrayTable as forms here want it: scrolling sideways when its columns do not fit (a
 * phone, a narrow pane) instead of squeezing every header into a column of single characters,
 * and without a pager under a handful of rows (a schema may still ask for `pagination`).
 */
function ScrollingTable(props: ArrayTableProps) {
  return <ArrayTable scroll={{ x: 'max-content' }} pagination={false} {...props} />;
}

/** The members a schema names (`ArrayTable.Column`, `.Addition`, `.Remove`, …) are ArrayTable's. */
export const ScrollingArrayTable = Object.assign(ScrollingTable, {
  Column: ArrayTable.Column,
  Addition: ArrayTable.Addition,
  Index: ArrayTable.Index,
  SortHandle: ArrayTable.SortHandle,
  Copy: ArrayTable.Copy,
  Remove: ArrayTable.Remove,
  MoveDown: ArrayTable.MoveDown,
  MoveUp: ArrayTable.MoveUp,
  useArray: ArrayTable.useArray,
  useIndex: ArrayTable.useIndex,
  useRecord: ArrayTable.useRecord,
});
