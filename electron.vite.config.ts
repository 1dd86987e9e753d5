import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The desktop shell and the command line (which also runs the browser host) share services; a large
        // log is read (and partly parsed) on a thread of its own, and analysed from the command line on another
        // (app-thread.ts finds each by its source's name).
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
          'read-worker': resolve('src/main/services/audit/read-worker.ts'),
          'analysis-worker': resolve('src/main/services/audit/analysis-worker.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file.
    build: { rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } }
  },
  renderer: {
    plugins: [react()],
    build: { chunkSizeWarningLimit: 2000 }
  }
})
