import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      'dist-report',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'bench/out',
    ],
  },
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
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The command line's compile cache is CommonJS (cli/compileCache.cjs), for its threads.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
