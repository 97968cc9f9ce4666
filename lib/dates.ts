import { site } from "./site";

/** Dates as Spanish readers write them, in the site's time zone: "26 de mayo de 2020". */
const longDate = new Intl.DateTimeFormat("es-ES", { dateStyle: "long", timeZone: site.timeZone });
const clockTime = new Intl.DateTimeFormat("es-ES", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: site.timeZone,
  timeZoneName: "short",
});

export const formatDate = (iso: string) => longDate.format(new Date(iso));

/** "26 de mayo de 2020, 18:00 CEST" */
export const formatDateTime = (iso: string) => `${formatDate(iso)}, ${clockTime.format(new Date(iso))}`;
