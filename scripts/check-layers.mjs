// Proves that the ESLint configuration rejects an import across the layers: each row lints a
// few lines of code as if they were a file at `filePath` and fails unless ESLint reports `rule`.
// Add a row per rule that guards a folder.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/** @type {{ filePath: string; code: string; rule: string }[]} */
const CROSSINGS = [
  {
    filePath: 'src/core/formats/layerFixture.ts',
    code: "import { useState } from 'react';\nexport const probe = useState;\n",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/core/layerFixture.ts',
    code: "import { useStore } from '../state/store';\nexport const probe = useStore;\n",
    rule: 'no-restricted-imports',
  },
  {
    filePath: 'src/core/read/layerFixture.ts',
    code: 'export const probe = JSON.parse(\'{"a": 1}\') as { a: number };\n',
    rule: '@typescript-eslint/consistent-type-assertions',
  },
];

// The fixtures are no files of the project, so they are linted without type information (the
// rules checked here need none).
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
let failed = 0;
for (const { filePath, code, rule } of CROSSINGS) {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  if (messages.some((message) => message.ruleId === rule)) continue;
  failed += 1;
  const reported = messages.map((message) => message.ruleId ?? message.message).join('; ');
  console.error(`${filePath}: expected ${rule}, ESLint reported ${reported || 'nothing'}`);
}
if (failed > 0) process.exit(1);
console.warn(`layers: ${CROSSINGS.length} crossings rejected as expected`);
