import { createSchemaField } from '@formily/react';
import { formComponents } from './registry';
import { registerSafeExpressions } from './safe-expressions';

// `{{ }}` in schemas: the server's restricted language, never eval (CSP forbids it)
registerSafeExpressions();

/** `<SchemaField schema={jsonSchema} />` rendering with the shared registry (inside a Formily form). */
export const SchemaField = createSchemaField({ components: formComponents });
