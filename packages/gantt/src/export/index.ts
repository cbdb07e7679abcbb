// Export of the visible chart as SVG or PNG, in the browser, no server.
export { exportPng, exportSvg, exportSvgBlob, type ExportSource, type PngExportOptions } from './chart-export.js';
export { downloadBlob } from './download-blob.js';
