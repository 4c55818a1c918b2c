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
  {
    // The core knows no screen: no React, no store, no DOM-drawing D3, no other folder.
    // Tests aside: they may cast what they build by hand.
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/core is plain TypeScript: no React.' },
            { name: 'react-dom', message: 'src/core is plain TypeScript: no React.' },
            { name: 'zustand', message: 'src/core knows no store.' },
          ],
          patterns: [
            {
              group: ['react/*', 'react-dom/*', 'zustand/*'],
              message: 'src/core knows no screen.',
            },
            {
              group: ['d3-selection', 'd3-transition', 'd3-axis', 'd3-zoom', 'd3-brush', 'd3-drag'],
              message: 'src/core uses D3 for maths only, never its DOM modules.',
            },
            {
              group: [
                '**/state',
                '**/state/**',
                '**/chart',
                '**/chart/**',
                '**/components',
                '**/components/**',
                '**/export',
                '**/export/**',
                '**/worker',
                '**/worker/**',
                '**/persist',
                '**/persist/**',
              ],
              message: 'src/core imports no other folder of src: the others import it.',
            },
          ],
        },
      ],
      // Parsed data is checked, never cast: no `as` and no `<T>` assertions in the core.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
);
