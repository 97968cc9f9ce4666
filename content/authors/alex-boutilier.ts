import type { AuthorModule } from "../schema";

export default {
  slug: "alex-boutilier",
  name: "Alex Boutilier",
  bio: "Alex Boutilier is an Ottawa-based reporter covering national politics for the Star.",
  bioLanguage: "en",
  social: [{ network: "x", handle: "@alexboutilier" }],
} satisfies AuthorModule;
