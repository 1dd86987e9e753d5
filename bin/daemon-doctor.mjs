#!/usr/bin/env node
// The `daemon-doctor` command: runs the built CLI, building it first when the sources changed.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, root } from '../scripts/ensure-built.mjs'

ensureBuilt()
await import(pathToFileURL(join(root, 'out/main/cli.js')).href)
