// The step's outputs, set the same way by every path (deploy, destroy, sweep, skip).
import { setOutputs } from '../../../shared/outputs.js'

export interface PreviewOutputs {
  app?: string
  url?: string
  'deployment-id'?: number
  'comment-id'?: number
  'action-taken': 'deployed' | 'destroyed' | 'swept' | 'skipped'
  swept?: string
}

export function publish(outputs: PreviewOutputs): void {
  setOutputs({
    app: outputs.app,
    url: outputs.url,
    'deployment-id': outputs['deployment-id'],
    'comment-id': outputs['comment-id'],
    'action-taken': outputs['action-taken'],
    swept: outputs.swept,
  })
}
