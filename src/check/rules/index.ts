import type { CheckRule } from '../rule.js';
import { baseurlDoubleSlash } from './baseurl-double-slash.js';
import { baseurlHardCoded } from './baseurl-hard-coded.js';
import { baseurlMissingSlash } from './baseurl-missing-slash.js';
import { calloutEmpty } from './callout-empty.js';
import { calloutMissingType } from './callout-missing-type.js';
import { calloutRawMarkdown } from './callout-raw-markdown.js';
import { calloutUnknownType } from './callout-unknown-type.js';
import { frontmatterMissingTitle } from './frontmatter-missing-title.js';
import { htmlDuplicateId } from './html-duplicate-id.js';
import { htmlUnclosedBlock } from './html-unclosed-block.js';
import { htmlUnsafeUrl } from './html-unsafe-url.js';
import { linksExternal } from './links-external.js';
import { linksMissingAnchor } from './links-missing-anchor.js';
import { linksMissingPage } from './links-missing-page.js';
import { linksSourceExtension } from './links-source-extension.js';
import { liquidUnknownFilter } from './liquid-unknown-filter.js';
import { liquidUnknownVariable } from './liquid-unknown-variable.js';

/** Every rule `galley check` runs over built pages, in report order. */
export const RULES: readonly CheckRule[] = [
  linksMissingPage,
  linksMissingAnchor,
  linksSourceExtension,
  baseurlDoubleSlash,
  baseurlMissingSlash,
  baseurlHardCoded,
  calloutUnknownType,
  calloutMissingType,
  calloutEmpty,
  calloutRawMarkdown,
  htmlUnclosedBlock,
  htmlDuplicateId,
  htmlUnsafeUrl,
  liquidUnknownVariable,
  liquidUnknownFilter,
  linksExternal,
  frontmatterMissingTitle,
];
