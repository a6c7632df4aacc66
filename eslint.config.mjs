// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tools/',
      '.data/',
      'coverage/',
      'test-results/',
      'designer/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // engine/ is a plain library: no server, UI or database-startup code reaches into it.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'react', 'react-*', 'antd', '@formily/*'],
              message: 'engine/ must not depend on server or UI code',
            },
            {
              group: ['**/server/**', '**/designer/**'],
              message: 'engine/ must not import the server or the designer',
            },
          ],
        },
      ],
    },
  },
  {
    // the server reaches the engine only through its public entry point
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/src/*', '!**/engine/src/index'],
              message: 'import the engine from engine/src (its index) only',
            },
          ],
        },
      ],
    },
  },
  {
    // Nest reads constructor and DTO types through decorator metadata: the type-import rule must
    // know, or its autofix turns a DTO import into `import type` and silently disables validation.
    files: ['server/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
  {
    files: ['designer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
