import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The 300-run property tests take 20–30 s each on a 2-core machine shared with other work; 30 s was
    // the edge, and a timeout there says nothing about the code.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
