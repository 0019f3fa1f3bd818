/** The formats casereport writes. A module of its own so the command line can name them without loading the renderer. */
export const OUTPUT_FORMATS = ['md', 'html', 'json', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Formats rendered from text alone, without a browser. */
export type TextOutputFormat = Exclude<OutputFormat, 'pdf'>;

/** File extension for each format. */
export const EXTENSIONS: Record<OutputFormat, string> = { md: 'md', html: 'html', json: 'json', pdf: 'pdf' };
