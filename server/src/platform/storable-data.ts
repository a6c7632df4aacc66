import type { FieldProblem } from '../common/errors/app-error';

/**
 * Field names the database refuses (FerretDB, and MongoDB in places): a leading `$` or a `.`.
 * Form validation already refuses undeclared fields; this guards what is stored unvalidated
 * (drafts), so a bad name is a 400 with its path instead of a storage failure.
 */
export function unstorableFields(value: unknown, path = ''): FieldProblem[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableFields(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    const own =
      key.startsWith('$') || key.includes('.')
        ? [{ path: childPath, message: '字段名不能以 $ 开头或包含 .' }]
        : [];
    return [...own, ...unstorableFields(child, childPath)];
  });
}
