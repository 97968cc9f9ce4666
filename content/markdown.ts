/**
 * Article bodies are Markdown written by editors. These helpers read them with the same
 * CommonMark parser that renders them (micromark, behind react-markdown), so what validation
 * sees is exactly what the page would render.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, Root } from "mdast";

const SAFE_LINK = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i;

const lineOf = (node: Nodes) => node.position?.start.line ?? "?";

function walk(node: Nodes, visit: (node: Nodes) => void) {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/**
 * Parsing is the costly part of checking a body, and the schema and the compiler both read the
 * same body one after the other: the last parse is kept for the second reader.
 */
let lastParse: { markdown: string; tree: Root } | undefined;

export function parseMarkdown(markdown: string): Root {
  if (lastParse?.markdown !== markdown) lastParse = { markdown, tree: fromMarkdown(markdown) };
  return lastParse.tree;
}

/** Every reason the body cannot be published as it is, one message per problem. */
export function findMarkdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  walk(parseMarkdown(markdown), (node) => {
    switch (node.type) {
      case "html":
        problems.push(`raw HTML is not allowed (line ${lineOf(node)}): ${JSON.stringify(node.value.slice(0, 60))}; write Markdown instead`);
        break;
      case "heading":
        if (node.depth === 1) {
          problems.push(`level-1 heading (line ${lineOf(node)}): the headline is the page's only h1; use ## for subheadings`);
        }
        break;
      case "image":
      case "imageReference":
        problems.push(`images are not allowed in the body (line ${lineOf(node)}); use the lead image`);
        break;
      case "link":
      case "definition":
        if (!SAFE_LINK.test(node.url)) {
          problems.push(
            `unsafe link "${node.url.slice(0, 80)}" (line ${lineOf(node)}): links must start with https://, http://, mailto: or /`,
          );
        }
        break;
    }
  });
  return problems;
}

/** The body's text without Markdown syntax, paragraphs separated by blank lines. */
export function markdownToPlainText(markdown: string): string {
  const blocks: string[] = [];
  const textOf = (node: Nodes): string => {
    if (node.type === "text" || node.type === "inlineCode") return node.value;
    if (node.type === "break") return " ";
    return "children" in node ? node.children.map(textOf).join("") : "";
  };
  walk(parseMarkdown(markdown), (node) => {
    if (node.type === "paragraph" || node.type === "heading") blocks.push(textOf(node).trim());
  });
  return blocks.filter(Boolean).join("\n\n");
}

/** At most `maxLength` characters, cut at a word boundary, with an ellipsis when cut. */
export function truncateAtWord(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
