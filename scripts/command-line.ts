/**
 * How every command-line tool of the project reads its arguments: Node's `parseArgs`, strict, so
 * an unknown or misspelt flag is refused with the usage instead of being ignored, and `--help`
 * (`-h`) prints the usage and exits.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLine<O extends Options> {
  /** What `--help` prints: the usage line, what the tool does, each option. */
  help: string;
  options: O;
  /** Whether words without a flag are taken (a slug, a git ref). */
  allowPositionals?: boolean;
  args?: string[];
}

/** A usage mistake: the message and the usage, for `failUsage`. */
export class UsageError extends Error {}

/** The arguments, parsed, and whether they ask for --help; throws UsageError on an unknown flag, a missing value or a stray word. */
export function parseCommandLine<const O extends Options>({
  options,
  allowPositionals = false,
  args = process.argv.slice(2),
}: CommandLine<O>) {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
    return { ...parsed, askedForHelp: (parsed.values as { help?: boolean }).help === true };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Prints a usage mistake with the usage, and exits 2. */
export function failUsage(message: string, help: string): never {
  console.error(`✗ ${message}\n\n${help}`);
  process.exit(2);
}

/** The arguments as `parseCommandLine` reads them; on `--help` prints the usage and exits 0, on a mistake exits 2. */
export function readCommandLine<const O extends Options>(command: CommandLine<O>) {
  let parsed;
  try {
    parsed = parseCommandLine(command);
  } catch (error) {
    failUsage((error as Error).message, command.help);
  }
  if (parsed.askedForHelp) {
    console.log(command.help);
    process.exit(0);
  }
  return parsed;
}

/** A whole number from an option, at least `min`; the default when the option is absent. */
export function wholeNumber(value: string | undefined, fallback: number, name: string, help: string, min = 1): number {
  const number = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(number) || number < min) failUsage(`--${name} must be a whole number of at least ${min} (is ${value})`, help);
  return number;
}
