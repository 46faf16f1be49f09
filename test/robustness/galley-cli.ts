// The CLI entry for child-process tests: runs src/cli.ts through tsx, like bin/galley.js runs dist/.
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
