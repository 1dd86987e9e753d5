import { TONES, durationLabel, type TimelineBar } from './log-view'

export const TIMELINE_HEIGHT = 72

/** The title, the time per bar and the legend (icons as well as colours). */
export function TimelineCaption({ bucketSeconds }: { bucketSeconds: number }): React.JSX.Element {
  return (
    <figcaption>
      <span className="timeline-title">Severity over time</span>
      <span className="muted small">
        {' '}
        ({durationLabel(bucketSeconds)} per bar, UTC; click a bar to show that time)
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
  )
}

interface BarsProps {
  owner: string
  bars: TimelineBar[]
  /** The bar in the tab order (a roving tab stop). */
  active: number
  barRefs: React.RefObject<(SVGGElement | null)[]>
  onActivate(index: number): void
  onFocusBar(index: number): void
}

/** The stacked bars, each a button; errors are hatched so colour is not the only cue. */
export function TimelineBars({ owner, bars, active, barRefs, onActivate, onFocusBar }: BarsProps): React.JSX.Element {
  return (
    <>
      {bars.map((bar, index) => (
        <g
          key={bar.start}
          ref={(element) => {
            barRefs.current[index] = element
          }}
          className="timeline-bar"
          role="button"
          tabIndex={index === active ? 0 : -1}
          aria-label={bar.label}
          onClick={() => onActivate(index)}
          onFocus={() => onFocusBar(index)}
        >
          <title>{bar.label}</title>
          {/* A full-height hit area, so thin bars are easy to click. */}
          <rect x={bar.x} y={0} width={Math.max(bar.width, 3)} height={TIMELINE_HEIGHT} className="bar-hit" />
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
    </>
  )
}
