import type { WithdrawalsModule } from "./schema";

/**
 * Articles taken down for good (a court order, a retraction). Delete the article's module and add
 * its address here, with the time and the reason readers will see; the address then answers
 * 410 Gone with that reason. For example:
 *
 *   { path: "/democracia-y-politica/elecciones/un-articulo", withdrawnAt: "2026-11-27T10:00:00+01:00",
 *     reason: "Gaceta retiró este artículo por orden judicial." },
 */
export default [] satisfies WithdrawalsModule;
