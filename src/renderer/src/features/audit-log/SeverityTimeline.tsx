import { useEffect, useMemo, useRef, useState } from 'react'
import type { SeverityHistogram } from '../../../../shared/models/audit'
import { api } from '../../lib/api'
import { useAppStore } from '../../store'
import { TONES, durationLabel, timelineLayout } from './log-view'

const HEIGHT = 72
const AXIS = 18
const LEFT = 44

/**
 * When trouble started: records per severity group over time as stacked bars (errors hatched, so
 * colour is not the only cue). Arrow keys move between bars; Enter or a click shows that time in the
 * viewer.
 */
export function SeverityTimeline({ owner }: { owner: string }): React.JSX.Element | null {
  const session = useAppStore((state) => state.logs[owner]?.session)
  const version = useAppStore((state) => state.logs[owner]?.version ?? 0)
  const jumpToTime = useAppStore((state) => state.jumpToTime)
  const [histogram, setHistogram] = useState<SeverityHistogram>()
  const [active, setActive] = useState(0)
  const barRefs = useRef<(SVGGElement | null)[]>([])
  const [frame, width] = useWidth(1000)
  const sessionId = session?.id

  useEffect(() => {
    if (!sessionId) return
    let current = true
    // While a followed log grows, redraw at most every few seconds: the histogram scans every record.
    const timer = setTimeout(() => {
      void api.logs.histogram(sessionId).then((result) => {
        if (current && result.ok) setHistogram(result.value)
      })
    }, version > 1 ? 2000 : 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [sessionId, version])

  const layout = useMemo(() => (histogram ? timelineLayout(histogram, width - LEFT - 8, HEIGHT) : undefined), [histogram, width])
  if (!layout || layout.bars.length === 0) {
    return (
      <div ref={frame} className="timeline timeline-empty muted">
        {layout ? 'No timeline: these records carry no times.' : 'Drawing the timeline…'}
      </div>
    )
  }
  const focusBar = (index: number): void => {
    const next = Math.max(0, Math.min(layout.bars.length - 1, index))
    setActive(next)
    barRefs.current[next]?.focus()
  }
  const onKeyDown = (event: React.KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: layout.bars.length - 1 }
    if (event.key in moves) {
      event.preventDefault()
      focusBar(moves[event.key]!)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      void jumpToTime(owner, layout.bars[active]!.start)
    }
  }
  return (
    <figure className="timeline" ref={frame}>
      <figcaption>
        <span className="timeline-title">Severity over time</span>
        <span className="muted small">
          {' '}
          ({durationLabel(histogram!.bucketSeconds)} per bar, UTC; click a bar to show that time)
        </span>
        <ul className="timeline-legend" aria-label="Legend">
          {TONES.map(({ tone, label, icon }) => (
            <li key={tone}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" className={`tone-fill tone-${tone}`} />
              </svg>
              <span aria-hidden="true">{icon}</span> {label}
            </li>
          ))}
        </ul>
      </figcaption>
      <svg
        width={width}
        height={HEIGHT + AXIS}
        className="timeline-chart"
        role="group"
        aria-label={`Severity histogram, ${layout.bars.length} bars. Use the arrow keys to move between bars and Enter to show that time.`}
        onKeyDown={onKeyDown}
      >
        <defs>
          <pattern id={`hatch-${owner}`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" className="tone-fill tone-problem" />
            <line x1="0" y1="0" x2="0" y2="4" className="hatch-line" />
          </pattern>
        </defs>
        <text x={LEFT - 6} y={10} textAnchor="end" className="axis-label">
          {layout.maxTotal.toLocaleString()}
        </text>
        <text x={LEFT - 6} y={HEIGHT} textAnchor="end" className="axis-label">
          0
        </text>
        <line x1={LEFT} x2={width - 8} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="axis-line" />
        <g transform={`translate(${LEFT} 0)`}>
          {layout.bars.map((bar, index) => (
            <g
              key={bar.start}
              ref={(element) => {
                barRefs.current[index] = element
              }}
              className="timeline-bar"
              role="button"
              tabIndex={index === active ? 0 : -1}
              aria-label={bar.label}
              onClick={() => {
                setActive(index)
                void jumpToTime(owner, bar.start)
              }}
              onFocus={() => setActive(index)}
            >
              <title>{bar.label}</title>
              {/* A full-height hit area, so thin bars are easy to click. */}
              <rect x={bar.x} y={0} width={Math.max(bar.width, 3)} height={HEIGHT} className="bar-hit" />
              {bar.stacks.map((stack) => (
                <rect
                  key={stack.tone}
                  x={bar.x}
                  y={stack.y}
                  width={bar.width}
                  height={stack.height}
                  className={`tone-fill tone-${stack.tone}`}
                  fill={stack.tone === 'problem' ? `url(#hatch-${owner})` : undefined}
                />
              ))}
            </g>
          ))}
          {layout.ticks.map((tick, index) => (
            <text
              key={index}
              x={tick.x}
              y={HEIGHT + 14}
              className="axis-label"
              textAnchor={index === 0 ? 'start' : index === layout.ticks.length - 1 ? 'end' : 'middle'}
            >
              {tick.label}
            </text>
          ))}
        </g>
      </svg>
    </figure>
  )
}

/** A callback ref and the element's current width, kept up to date as the window resizes. */
function useWidth(initial: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(initial)
  const [element, setElement] = useState<HTMLElement | null>(null)
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return [setElement, width]
}
