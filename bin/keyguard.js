#!/usr/bin/env node
// keyguard CLI entry: the compiled CLI lives in dist/ (built by `npm run build`, which bin/postinstall.mjs runs in a source checkout).
import { run } from '../dist/src/cli/main.js';

run(process.argv.slice(2)).then(
  ({ exitCode }) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`keyguard: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
