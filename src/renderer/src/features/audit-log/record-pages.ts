/**
 * Pages of a session's filtered records, fetched on demand and kept in a bounded cache, so the
 * viewer scrolls through a million records while holding only a few thousand in the renderer.
 */
import type { AuditRecord, RecordPage } from '../../../../shared/models/audit'
import type { AppErrorData, Result } from '../../../../shared/result'

export const PAGE_SIZE = 250
/** Pages kept: enough for several screens above and below, bounded whatever is scrolled through. */
export const MAX_PAGES = 40

export type FetchPage = (offset: number, limit: number) => Promise<Result<RecordPage>>

export class RecordPages {
  private readonly pages = new Map<number, AuditRecord[]>()
  private readonly loading = new Set<number>()
  /** Records matching the filters; unknown until the first page arrives. */
  total: number | undefined
  error: AppErrorData | undefined

  constructor(
    private readonly fetchPage: FetchPage,
    /** Called when a page arrives or the total changes, so the view re-renders. */
    private readonly onChange: () => void,
    private readonly pageSize = PAGE_SIZE,
    private readonly maxPages = MAX_PAGES
  ) {}

  get(index: number): AuditRecord | undefined {
    const page = Math.floor(index / this.pageSize)
    const records = this.pages.get(page)
    if (!records) return undefined
    // Touch for least-recently-used eviction.
    this.pages.delete(page)
    this.pages.set(page, records)
    return records[index - page * this.pageSize]
  }

  /** Fetches the pages covering positions `start`…`end` that are neither cached nor on their way. */
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.max(0, Math.floor(start / this.pageSize))
    const last = Math.max(first, Math.floor(Math.max(start, end) / this.pageSize))
    const wanted: number[] = []
    for (let page = first; page <= last; page++) if (!this.pages.has(page) && !this.loading.has(page)) wanted.push(page)
    await Promise.all(wanted.map((page) => this.load(page)))
  }

  /**
   * Records were appended: positions already fetched stay valid, the last (partial) page does not.
   * Fetches it again, which also brings the new total.
   */
  async grow(): Promise<void> {
    const lastPage = this.total === undefined ? 0 : Math.floor(Math.max(0, this.total - 1) / this.pageSize)
    this.pages.delete(lastPage)
    await this.load(lastPage)
  }

  get cachedPages(): number {
    return this.pages.size
  }

  private async load(page: number): Promise<void> {
    this.loading.add(page)
    try {
      const result = await this.fetchPage(page * this.pageSize, this.pageSize)
      if (!result.ok) {
        this.error = result.error
        return
      }
      this.error = undefined
      this.total = result.value.total
      this.pages.set(page, result.value.records)
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!)
    } finally {
      this.loading.delete(page)
      this.onChange()
    }
  }
}
