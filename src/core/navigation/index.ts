// Navigation for guide pages: outline, folding, relref links, completion. Pure, no I/O.
export { findHeadings, plainHeadingText, type FindHeadingsOptions, type Heading } from './headings';
export { pageAnchors, type PageAnchorOptions } from './anchors';
export { collapseSections, collapseTitle, isCollapse, type CollapseSection } from './sections';
export { collapseOutline, type OutlineOptions, type OutlineSymbol } from './symbols';
export { foldingRanges, type FoldRange } from './folding';
export { relrefLinks, relrefTargets, type RelrefLink } from './links';
export { completionContextAt, openShortcodesAt, shortcodeNameItems, type CompletionContext, type ShortcodeNameItem } from './completion';
export { pageTitle } from './title';
export { NAVIGATION_LABELS } from './labels';
