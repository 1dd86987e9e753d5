#!/usr/bin/env node
// The `daemon-doctor` command: runs the built CLI without looking at the sources, so it starts at once.
// Only a clone that was never built is built here; `npm start`, `npm run demo` and `npm run web` rebuild
// when the sources changed, and `npm run build` does it by hand.
import { existsSync } from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(cli)) (await import('../scripts/ensure-built.mjs')).ensureBuilt()
await import(cli.href)
