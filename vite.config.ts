import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { offline } from './scripts/viteOffline.ts';

export default defineConfig({
  plugins: [react(), offline()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    // Some tests load thousands of files or rows; a busy machine makes them several times
    // slower, so no test may fail for the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
