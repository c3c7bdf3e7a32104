// `npm run destroy -- <dev|prod|state|stack> ...`: see liveUsage('destroy') (`--help`).
import { liveEntry } from '../live-entry';

liveEntry('destroy');
