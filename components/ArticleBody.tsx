import type { Element, Root } from "hast";
import Markdown from "react-markdown";
import type { Article } from "@/lib/content/store";

/** Opens the first paragraph with the dateline, as newspapers do: "OTTAWA—The Canadian…". */
function rehypeDateline(dateline: string | undefined) {
  return () => (tree: Root) => {
    if (!dateline) return;
    const first = tree.children.find((node): node is Element => node.type === "element" && node.tagName === "p");
    first?.children.unshift(
      { type: "element", tagName: "span", properties: { className: ["dateline"] }, children: [{ type: "text", value: dateline }] },
      { type: "text", value: "—" },
    );
  };
}

/**
 * The body (read from the bodies file as the page renders), rendered from Markdown to React elements on the server (at build time for static
 * pages). Raw HTML never reaches the page: validation refuses it and `skipHtml` drops it anyway.
 */
export function ArticleBody({ article, body }: { article: Pick<Article, "dateline" | "language">; body: string }) {
  return (
    <div lang={article.language} className="article-body mt-8">
      <Markdown skipHtml rehypePlugins={[rehypeDateline(article.dateline)]}>
        {body}
      </Markdown>
    </div>
  );
}
