/**
 * Differences between Debian's Hugo 0.111.3 and the MedGuide preview that the parity test accepts.
 * Each one is applied by a named normalization (in readerModel.ts or links.ts) that counts its
 * uses; the test fails if one is never used, so the list stays true. Documented in README.md,
 * "Known differences with Hugo", and in examples/guide-site/README.md.
 */
export const KNOWN_DIFFERENCES = [
  {
    id: 'hugo-alert-blockquote',
    reason:
      'Hugo 0.111 renders `> [!NOTE]` as a plain blockquote starting with "[!NOTE]": blockquote render hooks ' +
      '(which turn it into an alert) arrived in Hugo 0.132. The preview shows the alert box a newer Hugo with a ' +
      'render hook shows. Hugo side: such a blockquote is read as an alert of that kind, marker line removed.',
  },
  {
    id: 'preview-alert-labels',
    reason:
      'The preview puts an icon and a label ("Attention", "Information", or the title argument) at the top of every ' +
      'alert box; Hugo\'s templates print only the title argument. The label is not part of the text compared; ' +
      'a title given to the shortcode must equal the label.',
  },
  {
    id: 'percent-encoded-anchors',
    reason:
      'Hugo percent-encodes accented anchors in relref links rendered through Goldmark (relref inside a {{% %}} ' +
      'shortcode body: `#r%C3%A9pondre-et-archiver`), and markdown-it always does; heading ids keep their accents. ' +
      'Browsers treat both as the same fragment: anchors are compared decoded.',
  },
  {
    id: 'site-urls-vs-md-paths',
    reason:
      'Hugo links to site URLs (`/cabinet/e-cps/`, absolute ones for `ref`); the preview links to the `.md` files, ' +
      'relative to the page, so VS Code opens them. Both are mapped to the content file before comparing.',
  },
] as const;

export type KnownDifferenceId = (typeof KNOWN_DIFFERENCES)[number]['id'];
