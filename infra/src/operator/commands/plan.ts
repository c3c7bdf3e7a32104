// `npm run plan -- <dev|prod|state|stack> ...` (`npm run diff` is an alias): see liveUsage('plan') (`--help`).
import { liveEntry } from '../live-entry';

liveEntry('plan');
