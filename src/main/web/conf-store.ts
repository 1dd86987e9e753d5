import Conf from 'conf'
import type { JsonFileStoreFactory } from '../services/settings-file'

/** conf is electron-store without Electron: same file format, same atomic writes. */
export const openConfStore: JsonFileStoreFactory = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false })
