/** A worker thread that compiles one chunk of article modules (./articles.ts) and ends. */
import { parentPort, workerData } from "node:worker_threads";
import { compileArticleChunk, type ArticleContext } from "./articles";

const { files, context } = workerData as { files: string[]; context: ArticleContext };
parentPort!.postMessage(await compileArticleChunk(files, context));
