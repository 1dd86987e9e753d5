// Types for test-summary.mjs, so the TypeScript test beside the scripts can import it.
export interface SuiteCounts { passed: number; failed: number; skipped: number }
export interface SummaryRow extends SuiteCounts { label: string }
export function countVitest(report: unknown): SuiteCounts
export function countPlaywright(report: unknown): SuiteCounts
export function suiteRow(label: string, exitStatus: number | null, counts: SuiteCounts | undefined): SummaryRow
export function summarise(rows: SummaryRow[]): { lines: string[]; ok: boolean }
