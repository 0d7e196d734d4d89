/**
 * Runs before every unit and e2e test file (vitest setupFiles) and before the benches
 * (scripts/bench.ts): data the extension loads on
 * demand from its own package is read from disk in Node instead.
 */
import './holiday-files-node';
import '../../utils/calendar/bundled-holiday-codes';
import '../../utils/classify/bundled-data';
import '../../utils/desk/bundled-default-templates';
import '../../utils/desk/bundled-default-preset';
