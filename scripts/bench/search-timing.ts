/**
 * Run by bench step 6 in a built tree (the working directory): how long the search itself takes
 * as the server runs it, without the page around it. Loads the store and the index as a server
 * does at start, then times each of the bench's searches; prints p50 and p99 as JSON.
 */
import { listPublicArticles } from "../../lib/content/store";
import { searchResults } from "../../lib/search/search";
import { benchSearches, percentile } from "./archive";

listPublicArticles();
searchResults("gaceta");
const times = benchSearches().map(({ query, order }) => {
  const started = performance.now();
  searchResults(query, { order });
  return performance.now() - started;
});
times.sort((a, b) => a - b);
console.log(JSON.stringify({ p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) }));
