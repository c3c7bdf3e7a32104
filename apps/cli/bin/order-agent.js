#!/usr/bin/env node

// The committed entry point: it only loads the esbuild bundle, so `npx order-agent` works once it is built.
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'order-agent: not built yet; run `npm run build -w @order-agent/cli` (or `npm run build`) first\n',
  );
  process.exit(1);
}
require(bundle);
