// Code lists with their official labels, taken from the enumerations (and their documentation)
// in the basisschema XSDs via the generated schema table. Codes are strings: '04', never 4.
import { SCHEMA } from './schema/schema.generated';
import type { Standard } from './schema/types';

/** Logical datatype names that carry a code list, e.g. 'LDT_Eenheid'. */
export type CodeListName = string;

export interface Code {
  code: string;
  label: string;
}

export function codeList(std: Standard, list: CodeListName): Code[] {
  const t = SCHEMA[std].simple[list];
  if (!t?.enumeration) throw new Error(`${list} is geen codelijst in ${std}`);
  return t.enumeration.map(([code, label]) => ({ code, label }));
}

const labelCache = new Map<string, Map<string, string>>();

/** The official label of a code, or undefined when the code is not in the list. */
export function codeLabel(std: Standard, list: CodeListName, code: string): string | undefined {
  const key = `${std}|${list}`;
  let m = labelCache.get(key);
  if (!m) {
    m = new Map(codeList(std, list).map((c) => [c.code, c.label]));
    labelCache.set(key, m);
  }
  return m.get(code);
}

export function isCode(std: Standard, list: CodeListName, code: string): boolean {
  return codeLabel(std, list, code) !== undefined;
}

/** "82 – Stuks (output)"; an unknown code is shown as "99 – onbekende code". */
export function formatCode(std: Standard, list: CodeListName, code: string): string {
  const label = codeLabel(std, list, code);
  return `${code} – ${label ?? 'onbekende code'}`;
}
