export * from './model';
export { readMessage, readMessageText, isParsed, PARSER_OPTIONS } from './read';
export { writeMessage, writeMessageBytes, WriteError, messagePrefix, basisPrefix } from './write';
export { detectNamespace } from './detect';
export { messageParties, heenOf, RETOUR_TYPES } from './parties';
export type { Parties } from './parties';
