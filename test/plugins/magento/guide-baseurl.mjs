// Site plugin for the Magento docs: every page under guides/vX.Y/ gets page.baseurl "/guides/vX.Y"
// (no trailing slash; pages write {{ page.baseurl }}/cloud/x.html) and page.guide_version "X.Y".
// A generator: it changes page data after the site is read, before anything renders.
const VERSIONED = /^guides\/v(\d+\.\d+)\//;

export default function guideBaseurl(galley) {
  galley.addGenerator((site) => {
    for (const page of site.pages) {
      const match = VERSIONED.exec(page.path);
      if (!match) continue;
      page.data.baseurl = `/guides/v${match[1]}`;
      page.data.guide_version = match[1];
    }
  });
}
