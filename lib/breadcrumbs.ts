/** The trails behind breadcrumbs, made from data the route already has: pure, for components too. */
import type { Section, Topic } from "@/lib/content/store";
import { homePath, sectionPath, topicPath, topicsPath } from "./urls";

export interface Crumb {
  name: string;
  path: string;
}

/**
 * Inicio › Section › Subsection: the one trail behind both the visible breadcrumbs and their
 * JSON-LD, for a section and its parent section, if it has one.
 */
export function sectionTrail(section: Pick<Section, "name" | "path">, parent?: Pick<Section, "name" | "path">): Crumb[] {
  const trail: Crumb[] = [{ name: "Inicio", path: homePath() }];
  if (parent) trail.push({ name: parent.name, path: sectionPath(parent.path) });
  trail.push({ name: section.name, path: sectionPath(section.path) });
  return trail;
}

/** Inicio › Temas › Topic. */
export const topicTrail = (topic: Topic): Crumb[] => [
  { name: "Inicio", path: homePath() },
  { name: "Temas", path: topicsPath() },
  { name: topic.name, path: topicPath(topic.slug) },
];
