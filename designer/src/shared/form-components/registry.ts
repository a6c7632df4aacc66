/**
 * Every component a form's JSON Schema may name in `x-component` / `x-decorator`, keyed by that
 * name. The task page, the start page and the form designer's preview all render with this one
 * registry, so a form looks the same everywhere. Dotted names resolve to members:
 * `Input.TextArea`, `DatePicker.RangePicker`, `Radio.Group`, `Checkbox.Group`, `FormGrid.GridColumn`…
 */
import {
  ArrayCards,
  ArrayCollapse,
  ArrayItems,
  ArrayTabs,
  Cascader,
  Checkbox,
  DatePicker,
  Editable,
  FormCollapse,
  FormItem,
  FormLayout,
  FormTab,
  Input,
  NumberPicker,
  Password,
  PreviewText,
  Radio,
  Select,
  Space,
  Switch,
  TimePicker,
  Transfer,
  TreeSelect,
} from '@formily/antd-v5';
import { Attachments } from './Attachments';
import { ReadOnlyText } from './ReadOnlyText';
import { ScrollingArrayTable } from './ScrollingArrayTable';
import { ResponsiveFormGrid } from './ResponsiveFormGrid';
import { UnitPicker } from './UnitPicker';
import { UserPicker } from './UserPicker';

/** The standard Formily antd-v5 components (FormGrid folds to one column on phones). */
export const standardFormComponents = {
  ArrayCards,
  ArrayCollapse,
  ArrayItems,
  ArrayTable: ScrollingArrayTable,
  ArrayTabs,
  Cascader,
  Checkbox,
  DatePicker,
  Editable,
  FormCollapse,
  FormGrid: ResponsiveFormGrid,
  FormItem,
  FormLayout,
  FormTab,
  Input,
  NumberPicker,
  Password,
  PreviewText,
  Radio,
  Select,
  Space,
  Switch,
  TimePicker,
  Transfer,
  TreeSelect,
};

/** CongressFlow's own components (directory pickers, attachments, read-only display). */
export const congressFormComponents = {
  UserPicker,
  UnitPicker,
  Attachments,
  ReadOnlyText,
};

export const formComponents = { ...standardFormComponents, ...congressFormComponents };

export type FormComponentName = keyof typeof formComponents;

/** Whether `x-component` names a registered component (dotted names check their root). */
export function isRegisteredComponent(name: string): boolean {
  const [root, ...rest] = name.split('.');
  let target: unknown = (formComponents as Record<string, unknown>)[root ?? ''];
  for (const member of rest) {
    if (target === undefined || target === null) return false;
    target = (target as Record<string, unknown>)[member];
  }
  return target !== undefined && target !== null;
}
