import type { ArticleModule } from "../schema";

export default {
  slug: "canada-takes-global-role-in-countering-electoral-interference-in-cyberspace",
  status: "published",
  headline: "Canada takes global role in countering electoral interference in cyberspace",
  section: "democracia-y-politica/elecciones",
  authors: ["alex-boutilier"],
  topics: ["injerencia-extranjera", "desinformacion", "ciberseguridad", "canada"],
  // The day the initiative was announced; its hour is unknown, and noon in Ottawa is that day everywhere.
  publishedAt: "2020-05-26T12:00:00-04:00",
  language: "en",
  dateline: "OTTAWA",
  leadImage: {
    src: "/images/2020/05/ballot-box-shield-network.jpg",
    alt: "Illustration: a ballot box behind a shield, against a network of connected points.",
    // The seed's caption described a photograph of Emmanuel Macron; the site shows an illustration,
    // and a caption says what is shown.
    caption:
      "A ballot box behind a shield: an illustration of the 2018 Paris Call for Trust and Security in Cyberspace, the initiative French President Emmanuel Macron spearheaded to counter election interference.",
    credit: "Ilustración: Gaceta",
  },
  source: { name: "Toronto Star", url: "https://www.thestar.com/" },
  body: `
The Canadian government will co-lead an international push to counter election interference and online disinformation campaigns.

Ottawa will work with Microsoft and the Alliance for Securing Democracy to lead international efforts to prevent election meddling and “countering disinformation online and cybersecurity threats.”

The initiative is part of the 2018 Paris Call for Trust and Security in Cyberspace, a declaration spearheaded by French President Emmanuel Macron in the wake of multiple attempts by hostile states to meddle in democratic elections.

Dominic LeBlanc, the president of the Queen’s Privy Council, will lead Canada’s contribution.

> “The surge of disinformation and cyber threats emerging in the context of COVID-19 highlight the need to strengthen our capacity to prevent the spread of disinformation by foreign actors and malicious cyber activities,” LeBlanc’s office said in a statement.

Western governments and intelligence agencies have been seized with the threat of election interference since the 2016 U.S. presidential election. But other countries and institutions — including France, Germany, and the European Union — have also been the targets of election meddling campaigns.

While there is no evidence to suggest Canada’s 2019 general election was influenced by foreign actors, Canada’s intelligence agencies did say that federal political parties were targeted by state-backed hackers.

The Canadian parliament’s national security committee also said earlier this year that the country is the target of persistent influence campaigns from foreign governments, including Russia and China.

According to LeBlanc’s office, Canada’s contribution will include training other countries on countering election interference, as well as developing international “standards, norms and policies” on the issue.
`,
} satisfies ArticleModule;
