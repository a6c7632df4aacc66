import { createSchemaField } from '@formily/react';
import { formComponents } from './registry';

/** `<SchemaField schema={jsonSchema} />` rendering with the shared registry (inside a Formily form). */
export const SchemaField = createSchemaField({ components: formComponents });
