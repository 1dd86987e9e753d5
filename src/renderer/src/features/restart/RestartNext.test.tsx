import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { causesOf } from '../../../../shared/troubleshooting/restart-proposal'
import { COCO_DATABASE, COCO_FILES, COCO_MDS_DOWN, COCO_WRONG_TYPE, connector, directoryMissing, statusOf } from '../../../../../tests/support/coco-status'
import { NextStep } from './RestartNext'

afterEach(cleanup)

function nextStepText(): string {
  return within(screen.getByRole('region', { name: 'Suggested next step' })).getAllByRole('listitem')[0]!.textContent ?? ''
}

describe('NextStep', () => {
  it('says the restart of the connectors one cause still blocks once, as the guidance bar does', () => {
    const causes = causesOf(statusOf([...COCO_FILES.map((name) => connector(name, 'FAILED', COCO_MDS_DOWN)), connector(COCO_DATABASE, 'FAILED', COCO_WRONG_TYPE)]))
    render(<NextStep causes={causes} recovered={0} />)
    expect(nextStepText()).toBe('→ One cause still blocks: Start the metadata server (or fix its name or platform URL), then restart its 3 FAILED connectors.')
  })

  it('leaves the restart of several causes to each cause, listed below', () => {
    const causes = causesOf(
      statusOf([connector(COCO_FILES[0]!, 'FAILED', COCO_MDS_DOWN), connector(COCO_FILES[1]!, 'FAILED', directoryMissing('/data/landing')), connector(COCO_FILES[2]!, 'FAILED', COCO_MDS_DOWN)])
    )
    render(<NextStep causes={causes} recovered={0} />)
    expect(nextStepText()).toBe(
      '→ 2 causes still block 3 connectors; each is listed below with what to do. Once a cause is fixed (and confirmed), restart its connectors again.'
    )
  })
})
