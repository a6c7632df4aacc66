export { Attachments, type AttachmentEntry } from './Attachments';
export { formData } from './form-data';
export { FormRenderer, useValidateLanguage, type FormRendererProps } from './FormRenderer';
export { ReadOnlyText } from './ReadOnlyText';
export {
  congressFormComponents,
  formComponents,
  isRegisteredComponent,
  standardFormComponents,
  type FormComponentName,
} from './registry';
export { SchemaField } from './SchemaField';
export { UnitPicker } from './UnitPicker';
export { UserPicker } from './UserPicker';
export { applyServerErrors, toFormilyPath } from './server-errors';
export { markFieldsReadPretty, topLevelFieldTitles } from './schema-utils';
