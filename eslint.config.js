import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // Tests are async by habit so that any of them can await a load; no harm when one does not.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Layers of the screen side : charts take props, the
  // worker calls the core only, the store knows no component. Kept as separate blocks so that
  // each layer's rule reads on its own.
  {
    files: ['src/chart/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zustand', message: 'Charts take props: read the store in components/.' },
          ],
          patterns: [
            {
              group: ['zustand/*', '**/state/*', '**/components/*'],
              message: 'Charts take props: a connected wrapper in components/ reads the store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand'],
          patterns: [
            {
              regex: '^\\.\\./(?!core/)',
              message: 'The worker calls core/ only (and its own folder).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/components/*'], message: 'The store knows no component.' },
            {
              regex: '/chart/[A-Z]',
              caseSensitive: true,
              message: 'The store may use chart maths (.ts), never a chart component.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/export/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zustand'],
          patterns: [
            {
              group: ['zustand/*', '**/state/store', '**/components/*'],
              message: 'Exports are built from the model they are given, not from the store.',
            },
          ],
        },
      ],
    },
  },
);
