// Labels for codes as the screens show them: "82 – Stuks (output)" for a code with a code list,
// the code itself where no list exists (gemeente codes and AGB codes have none in the XSDs).
import type { Standard } from '../../api/types';
import { codeLabel, formatCode } from '../../domain/codelists';
import { SCHEMA } from '../../domain/schema/schema.generated';

/** "0363" → the gemeente's label when a code list knows it, else the code. */
export function partyLabel(kind: 'gemeente' | 'aanbieder', code: string): string {
  const list = kind === 'gemeente' ? 'LDT_Gemeente' : 'LDT_AgbCode';
  for (const std of ['iWmo', 'iJw'] as const) {
    if (!SCHEMA[std].simple[list]?.enumeration) continue;
    const label = codeLabel(std, list, code);
    if (label) return `${code} ${label}`;
  }
  return code;
}

/** "82 – Stuks (output)" for a value of a code-list element type, or undefined when the type has no code list. */
export function valueLabel(std: Standard, typeKey: string, value: string): string | undefined {
  return SCHEMA[std].simple[typeKey]?.enumeration ? formatCode(std, typeKey, value) : undefined;
}

/** "45A02 · 45 – Jeugdhulp ambulant": one wording for the Tijdlijn and the Declaratie screen */
export { productLabel } from '../views/timeline-labels';

export function codeOrEmpty(std: Standard, list: string, code: string | null): string {
  return code ? formatCode(std, list, code) : '';
}
