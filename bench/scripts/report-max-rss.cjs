// Preloaded (`node -r`) into the processes the bench measures when GNU time is not installed: writes the
// process's own peak resident set size (getrusage ru_maxrss, KiB) to BENCH_MAX_RSS_FILE as it exits.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_MAX_RSS_FILE;
delete process.env.BENCH_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
