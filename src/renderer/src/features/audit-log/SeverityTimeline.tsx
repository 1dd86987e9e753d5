import { useMemo, useRef, useState } from 'react'
import { useAppStore } from '../../store'
import { timelineLayout } from './log-view'
import { TIMELINE_HEIGHT, TimelineBars, TimelineCaption } from './TimelineParts'
import { useSeverityHistogram } from './use-severity-histogram'
import { useWidth } from './use-width'

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
  const [active, setActive] = useState(0)
  const barRefs = useRef<(SVGGElement | null)[]>([])
  const [frame, width] = useWidth(1000)
  const histogram = useSeverityHistogram(session?.id, version)

  const layout = useMemo(() => (histogram ? timelineLayout(histogram, width - LEFT - 8, TIMELINE_HEIGHT) : undefined), [histogram, width])
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
      <TimelineCaption bucketSeconds={histogram!.bucketSeconds} />
      <svg
        width={width}
        height={TIMELINE_HEIGHT + AXIS}
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
        <text x={LEFT - 6} y={TIMELINE_HEIGHT} textAnchor="end" className="axis-label">
          0
        </text>
        <line x1={LEFT} x2={width - 8} y1={TIMELINE_HEIGHT + 0.5} y2={TIMELINE_HEIGHT + 0.5} className="axis-line" />
        <g transform={`translate(${LEFT} 0)`}>
          <TimelineBars
            owner={owner}
            bars={layout.bars}
            active={active}
            barRefs={barRefs}
            onActivate={(index) => {
              setActive(index)
              void jumpToTime(owner, layout.bars[index]!.start)
            }}
            onFocusBar={setActive}
          />
          {layout.ticks.map((tick, index) => (
            <text
              key={index}
              x={tick.x}
              y={TIMELINE_HEIGHT + 14}
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
