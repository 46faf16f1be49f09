/**
 * Galley's library API. The CLI (`cli.ts`) is a thin layer over these calls.
 */
export { type BuildOptions, type BuildResult, type BuiltPage, build, DEFAULT_THEME_DIR } from './build.js';
export type { CheckRule } from './check/rule.js';
export { RULES } from './check/rules/index.js';
export { type CheckHtmlOptions, type CheckHtmlResult, check, checkHtml } from './check.js';
export type { SiteConfig } from './config/site-config.js';
export { type Diagnostic, hasErrors, type Severity, sortDiagnostics } from './diagnostics.js';
export {
  type Builder,
  createBuilder,
  type RebuildReport,
  type RebuildResult,
} from './incremental/create-builder.js';
export type { GalleyPlugin, GalleyPluginApi, Generator, GeneratorSite } from './plugin-api.js';
export type { Jobs } from './render/render-threads.js';
export { formatGithub } from './report/format-github.js';
export { formatJson } from './report/format-json.js';
export { formatJunit } from './report/format-junit.js';
export { formatSarif } from './report/format-sarif.js';
export { formatDiagnostic, formatDiagnostics } from './report/format-text.js';
export { formatTextReport } from './report/format-text-report.js';
