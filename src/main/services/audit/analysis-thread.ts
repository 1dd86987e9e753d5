/**
 * Large log files analysed on a thread of their own, whose young generation is capped: a diagnosis keeps
 * little, and V8's default of 32 MB for the parsing thread's short-lived strings is most of a large log's
 * peak RSS (measured on 1 GB logs: 125–140 MB in all with the reading thread, against 165–200 MB on the
 * main thread). The report comes back as data; nothing else changes.
 */
import type { Worker } from 'node:worker_threads'
import type { AnalysisReport } from '../../../shared/models/audit'
import { startAppThread } from '../app-thread'

/** The analysing thread's young generation (MB): smaller cost time on logs full of failures, larger only memory. */
const ANALYSIS_YOUNG_MB = 8
/** How often the thread says how far it has read. */
export const PROGRESS_MS = 250

export interface AnalysisJob {
  paths: string[]
  /** The --zone option as given (a time zone is a function, which no thread can be sent). */
  zone?: string
  /** Whether to say how far the reading has got. */
  progress: boolean
}

/** What the thread posts: how far it has read, then its report or why it could not make one. */
export type AnalysisMessage = { progress: { bytesRead: number; size: number } } | { report: AnalysisReport } | { error: string }

/** Analyses files on their own thread; `onProgress` hears how far the reading has got. */
export function analyzeFilesOnThread(paths: string[], zone: string | undefined, onProgress?: (bytesRead: number, size: number) => void): Promise<AnalysisReport> {
  const job: AnalysisJob = { paths, zone, progress: onProgress !== undefined }
  const worker: Worker = startAppThread(import.meta.url, './analysis-worker.ts', { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: ANALYSIS_YOUNG_MB } })
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (outcome: () => void): void => {
      if (settled) return
      settled = true
      outcome()
      void worker.terminate()
    }
    worker.on('message', (message: AnalysisMessage) => {
      if ('progress' in message) onProgress?.(message.progress.bytesRead, message.progress.size)
      else if ('report' in message) settle(() => resolve(message.report))
      else settle(() => reject(new Error(message.error)))
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => settle(() => reject(new Error(`the analysing thread stopped (exit code ${code})`))))
  })
}
