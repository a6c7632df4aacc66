export { FormStore, type FormVersion, type FormSummary } from './form.store';
export { FormTaskDataValidator, type FormTaskValidatorDeps } from './form-task.validator';
export {
  attachmentRefsIn,
  compileFormSchema,
  dataChildren,
  validateFormData,
  type AttachmentRefAt,
  type CompiledForm,
  type FieldError,
  type SchemaProblem,
} from './validation';
