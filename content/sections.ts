import type { SectionsModule } from "./schema";

/** The section tree: each section's URL is its slug, each subsection's is section/subsection. */
export default [
  {
    slug: "democracia-y-politica",
    name: "Democracia y Política",
    description: "Instituciones, partidos, gobiernos y la salud de las democracias en el mundo.",
    subsections: [
      {
        slug: "elecciones",
        name: "Elecciones",
        description: "Campañas, votaciones, resultados y la integridad de los procesos electorales.",
      },
    ],
  },
] satisfies SectionsModule;
