import path from 'node:path';

/**
 * Normalises an include name as written (`cloud/hooks.md`, `./a.html`) to a path inside its folder,
 * or returns an error message when the name leaves the folder (`../`, absolute paths, NUL bytes).
 * `base` is the folder of the including file for include_relative ('' for `_includes`).
 */
export function resolveIncludePath(name: string, base = ''): { path: string } | { error: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { error: 'include file name is empty' };
  if (trimmed.includes('\0')) return { error: 'include file name contains a NUL byte' };
  if (trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed) || trimmed.startsWith('\\')) {
    return { error: `include path "${trimmed}" is absolute` };
  }
  const joined = path.posix.normalize(path.posix.join(base, trimmed.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || joined === '.') {
    return { error: `include path "${trimmed}" leaves the folder it must stay in` };
  }
  return { path: joined };
}
