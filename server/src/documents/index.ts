export { chineseDate, chineseNumber, chineseDigits } from './chinese-numerals';
export { DocumentTemplates, type DocumentContext } from './document-templates';
export { DocumentStore, type DocumentRecord, type DocumentSummary } from './document.store';
export { documentRenderHandler, type DocumentRenderDeps } from './document-render.handler';
