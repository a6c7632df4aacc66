export {
  compileFormSchema,
  RESERVED_VARIABLES,
  type FormCompilation,
} from './form-schema-compiler';
export { validateFormData, type DataValidationContext, type FieldError } from './data-validator';
export { dataChildren, type CompiledForm, type FormMeta, type SchemaProblem } from './form-model';
export { formatPath } from './data-paths';
export { attachmentRefsIn, type AttachmentRefAt } from './attachment-refs';
