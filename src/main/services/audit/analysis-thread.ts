/**
 * Large log files analysed on a thread of their own, whose young generation is capped: a diagnosis keeps
 * little, and V8's default of 32 MB for the parsing thread's short-lived strings is most of a large log's
 * peak RSS (measured on 1 GB logs: 115–128 MB in all with the reading thread and the heap growing below,
 * against 165–200 MB on the main thread). The report comes back as data; nothing else changes.
 */
import { setFlagsFromString } from 'node:v8'
import type { Worker } from 'node:worker_threads'
import type { AnalysisReport } from '../../../shared/models/audit'
import { startAppThread } from '../app-thread'

/** The analysing thread's young generation (MB): smaller cost time on logs full of failures, larger only memory. */
const ANALYSIS_YOUNG_MB = 8
/**
 * How far V8 lets an old generation grow past what survived its last collection before collecting it
 * again, in percent; left to itself it allows up to 300% when collecting is cheap. An analysis keeps
 * little and discards much: on the start-up/exceptions log the analysing thread's old generation reached
 * 37 MB for 20 MB alive, and the process 150-153 MB; at 60% the process peaks at 125-127 MB, for 2-3%
 * more time (30% and 100% measured the same). The setting is the whole process's: the command line runs
 * one analysis.
 */
const HEAP_GROWING_PERCENT = 60
/**
 * Young-generation collections on the collecting thread alone: the analysing and reading threads keep both
 * of the machine's cores busy, and the helpers V8 starts for a parallel collection only wait for a core
 * (1 GB logs 3-6% faster on 2 cores: start-up/exceptions 2.59 -> 2.40 s, heartbeat 1.80 -> 1.73; peak RSS
 * within 1 MB). Also the whole process's.
 */
const SCAVENGE_FLAG = '--no-parallel-scavenge'
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

/** Analyses files on their own thread (and sets V8's heap growing for the process); `onProgress` hears how far the reading has got. */
export function analyzeFilesOnThread(paths: string[], zone: string | undefined, onProgress?: (bytesRead: number, size: number) => void): Promise<AnalysisReport> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  setFlagsFromString(SCAVENGE_FLAG)
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
