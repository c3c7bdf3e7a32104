// `npm run deploy -- <dev|prod|state|stack> ...`: see liveUsage('deploy') (`--help`).
import { liveEntry } from '../live-entry';

liveEntry('deploy');
