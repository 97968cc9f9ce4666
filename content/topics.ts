import type { TopicsModule } from "./schema";

/**
 * The topics articles can be filed under besides their section (an article lists them in
 * `topics`): what readers follow across sections. Each has a page at /temas/{slug}.
 */
export default [
  {
    slug: "injerencia-extranjera",
    name: "Injerencia extranjera",
    description: "Gobiernos y grupos que intentan influir en la política y las elecciones de otros países.",
  },
  {
    slug: "desinformacion",
    name: "Desinformación",
    description: "Bulos, campañas de manipulación y quienes trabajan para contrarrestarlas.",
  },
  {
    slug: "ciberseguridad",
    name: "Ciberseguridad",
    description: "Ataques informáticos contra instituciones, partidos y procesos electorales, y cómo se defienden.",
  },
  {
    slug: "canada",
    name: "Canadá",
    description: "Política, instituciones y sociedad de Canadá.",
  },
] satisfies TopicsModule;
