import { getSection, type Topic } from "@/lib/content/store";
import { homePath, sectionPath, topicPath, topicsPath } from "./urls";

export interface Crumb {
  name: string;
  path: string;
}

/** Inicio › Section › Subsection: the one trail behind both the visible breadcrumbs and their JSON-LD. */
export function sectionTrail(path: string): Crumb[] {
  const trail: Crumb[] = [{ name: "Inicio", path: homePath() }];
  const section = getSection(path);
  if (!section) return trail;
  const parent = section.parent ? getSection(section.parent) : undefined;
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
