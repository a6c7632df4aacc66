import type { TaskDoc } from '../storage/documents';

export interface FieldError {
  path: string;
  message: string;
}

/** What a validator may compare the data with: the instance as the deciding step sees it. */
export interface ValidationContext {
  /** The instance's variables before this completion (read-only). */
  variables: Readonly<Record<string, unknown>>;
}

/** Checks submitted task data before the engine sees it; the forms module plugs in schema validation. */
export interface TaskDataValidator {
  validate(
    task: TaskDoc,
    data: Record<string, unknown>,
    context: ValidationContext,
  ): Promise<FieldError[]> | FieldError[];
}

/** Accepts any JSON object whose keys the database can store. */
export const storableDataValidator: TaskDataValidator = {
  validate(_task, data) {
    const errors: FieldError[] = [];
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          const childPath = path ? `${path}.${key}` : key;
          if (key.startsWith('$') || key.includes('.'))
            errors.push({
              path: childPath,
              message: 'field names may not start with $ or contain .',
            });
          visit(child, childPath);
        }
      }
    };
    visit(data, '');
    return errors;
  },
};
