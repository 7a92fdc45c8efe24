// Dutch names of the message types, as the UI and the CLI show them.
import type { MessageType, Standard } from './schema/types';

export const MESSAGE_NAMES: Record<MessageType, string> = {
  '301': 'Toewijzing',
  '302': 'Retour toewijzing',
  '305': 'Start zorg',
  '306': 'Retour start zorg',
  '307': 'Stop zorg',
  '308': 'Retour stop zorg',
  '315': 'Verzoek om toewijzing',
  '316': 'Retour verzoek om toewijzing',
  '317': 'Verzoek om wijziging',
  '318': 'Retour verzoek om wijziging',
  '319': 'Antwoordbericht',
  '320': 'Retour antwoordbericht',
  '323': 'Declaratie',
  '325': 'Declaratie-antwoord',
};

/** "JW301", "WMO323": the name the messages carry in the iStandaarden. */
export function messageCode(std: Standard, type: MessageType): string {
  return `${std === 'iWmo' ? 'WMO' : 'JW'}${type}`;
}

/** "JW301 Toewijzing" */
export function messageLabel(std: Standard, type: MessageType): string {
  return `${messageCode(std, type)} ${MESSAGE_NAMES[type]}`;
}
