/**
 * Galley's library API. The CLI (`cli.ts`) is a thin layer over these calls.
 */
export { type BuildOptions, type BuildResult, type BuiltPage, build, DEFAULT_THEME_DIR } from './build.js';
export type { SiteConfig } from './config/site-config.js';
export { type Diagnostic, hasErrors, type Severity, sortDiagnostics } from './diagnostics.js';
export type { GalleyPlugin, GalleyPluginApi, Generator, GeneratorSite } from './plugin-api.js';
export { formatDiagnostic, formatDiagnostics } from './report/format-text.js';
