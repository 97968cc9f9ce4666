/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ installPageOutputCache }, { installRequestGuard }, { startPublicationScheduler }, store, { articlePath }, { listPagesOpeningAfter }, preview] =
    await Promise.all([
      import("./lib/page-output"),
      import("./lib/request-guard"),
      import("./lib/publication-schedule"),
      import("./content/store"),
      import("./lib/urls"),
      import("./lib/listing-routes"),
      import("./lib/preview"),
    ]);
  const secret = preview.readPreviewSecret();
  // Every page that has nothing public until a scheduled article's time: its own, and any later
  // list page that stays empty until then.
  const scheduled = new Map([
    ...store.listPublishedOrScheduledArticles().map((article) => [articlePath(article), Date.parse(article.publishedAt)] as const),
    ...listPagesOpeningAfter(Date.now()),
  ]);
  // When each image under /images/ first has a public use: author photos always, lead images
  // from their article's time; any other (a draft's, a withdrawn article's) never.
  const imageFrom = new Map<string, number>();
  for (const author of store.listAuthors()) if (author.photo) imageFrom.set(author.photo.src, -Infinity);
  for (const article of store.listPublishedOrScheduledArticles()) {
    const time = Date.parse(article.publishedAt);
    imageFrom.set(article.leadImage.src, Math.min(time, imageFrom.get(article.leadImage.src) ?? Infinity));
  }
  const publication = startPublicationScheduler({
    times: store.publicationTimes(),
    builtAt: store.compiledAt(),
    origin: process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  });
  installPageOutputCache();
  installRequestGuard({
    publishedThrough: publication.publishedThrough,
    previewed: (cookieHeader) => {
      const slug = secret.ok ? preview.previewedSlugIn(cookieHeader, secret.secret) : undefined;
      const article = slug === undefined ? undefined : store.getArticle(slug);
      return article && { path: articlePath(article), image: article.leadImage.src };
    },
    scheduledAt: (path) => scheduled.get(path),
    imageFrom: (path) => imageFrom.get(path),
    movedTo: (path) => {
      const article = store.getMovedArticle(path);
      return article && articlePath(article);
    },
    withdrawn: store.getWithdrawal,
  });
}
