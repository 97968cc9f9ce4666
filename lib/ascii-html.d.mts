/** The same HTML document in ASCII only: character references in markup, escapes in scripts and styles. */
export function toAsciiHtml(html: string): string;
