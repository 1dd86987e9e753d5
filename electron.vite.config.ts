import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The desktop shell and the command line (which also runs the browser host) share services.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli/index.ts') }
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
