// Entry of the single-file CDN bundle (`dist/cdn/cwm-elements.js`): the whole public API of
// @cwm/elements, with every element registered as a side effect of importing the file, so a page
// needs one <script type="module"> and then only tags. Imported by package name so the bundle is made
// from the same built dist/ files an npm consumer gets.
export * from '@cwm/elements';
import '@cwm/elements/define';
