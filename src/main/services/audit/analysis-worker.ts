/** The analysing thread of analysis-thread.ts: it reads its files, diagnoses them and posts the report. */
import { parentPort, workerData } from 'node:worker_threads'
import { analyzeSources } from './analyze'
import { PROGRESS_MS, type AnalysisJob, type AnalysisMessage } from './analysis-thread'
import { timeZone } from './java-time'
import { openInput } from './log-reader'

const job = workerData as AnalysisJob
const post = (message: AnalysisMessage): void => parentPort!.postMessage(message)

async function run(): Promise<void> {
  const zone = job.zone === undefined ? undefined : timeZone(job.zone)
  const sources = await Promise.all(job.paths.map((path, index) => openInput(path, index, { zone })))
  const progress = (): void => {
    const read = sources.map((source) => source.progress?.() ?? { bytesRead: 0, size: 0 })
    post({ progress: { bytesRead: read.reduce((sum, each) => sum + each.bytesRead, 0), size: read.reduce((sum, each) => sum + each.size, 0) } })
  }
  const timer = job.progress ? setInterval(progress, PROGRESS_MS) : undefined
  try {
    const report = await analyzeSources(sources)
    if (job.progress) progress()
    post({ report })
  } finally {
    clearInterval(timer)
  }
}

run().catch((error: unknown) => post({ error: error instanceof Error ? error.message : String(error) }))
