/**
 * Proves the layer rules in eslint.config.js reject a new crossing: each row is an import
 * that must be reported, linted in memory as if it sat at `filePath`. Run by `npm run check`;
 * fails when ESLint lets a row through.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

export const CASES = [
  {
    filePath: 'src/chart/X.tsx',
    code: "import { useStore } from '../state/store';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/chart/X.tsx',
    code: "import { create } from 'zustand';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/chart/X.tsx',
    code: "import { RunPanel } from '../components/RunPanel';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/chart/X.tsx',
    code: "import { useShallow } from 'zustand/react/shallow';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/worker/x.ts',
    code: "import { useStore } from '../state/store';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/worker/x.ts',
    code: "import { PALETTES } from '../chart/palettes';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/worker/x.ts',
    code: "import { useState } from 'react';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/state/x.ts',
    code: "import { RunList } from '../components/RunList';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/state/x.ts',
    code: "import { Heatmap } from '../chart/Heatmap';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/export/x.ts',
    code: "import { useStore } from '../state/store';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/core/formats/layerFixture.ts',
    code: "import { useState } from 'react';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/core/layerFixture.ts',
    code: "import { useStore } from '../state/store';",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/core/read/layerFixture.ts',
    code: 'export const probe = JSON.parse(\'{"a": 1}\') as { a: number };',
    rule: '@typescript-eslint/consistent-type-assertions',
  },
];

/** The rows ESLint did not report with their rule. */
export async function unreported(cases = CASES) {
  const eslint = new ESLint({
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    // The snippets are no files the type checker knows: lint them without type information.
    overrideConfig: { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked },
  });
  const missed = [];
  for (const row of cases) {
    const [result] = await eslint.lintText(`${row.code}\nexport {};\n`, {
      filePath: row.filePath,
    });
    if (!result?.messages.some((m) => m.ruleId === row.rule)) missed.push(row);
  }
  return missed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missed = await unreported();
  for (const row of missed) {
    console.error(`not rejected (${row.rule}): ${row.filePath}: ${row.code}`);
  }
  if (missed.length > 0) process.exit(1);
  console.warn(`layers: ${CASES.length} crossings rejected, as they should be`);
}
