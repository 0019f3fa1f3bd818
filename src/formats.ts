/** The formats casereport writes. A module of its own so the command line can name them without loading the renderer. */
export const OUTPUT_FORMATS = ['md', 'html', 'json', 'pdf', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Formats a template renders as text: PDF is printed from the HTML, Word built from the Markdown. */
export type TextOutputFormat = Exclude<OutputFormat, 'pdf' | 'docx'>;

/** File extension for each format. */
export const EXTENSIONS: Record<OutputFormat, string> = { md: 'md', html: 'html', json: 'json', pdf: 'pdf', docx: 'docx' };
