// `npm run apply -- <dev|prod|state|stack> ...`: see liveUsage('apply') (`--help`).
import { liveEntry } from '../live-entry';

liveEntry('apply');
