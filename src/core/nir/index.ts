// Patient identifiers: the matricule INS (NIR + key), the patient MSSanté address, and the page
// checks that keep real identifiers out of published guides. Pure: runs in the editor, the browser and the CLI.
export * from './matriculeIns';
export * from './pageChecks';
export { codeRegions, maskCode, MASK } from './maskCode';
export { ADDRESS_FORMATS, formatPatientAddress, type AddressFormat } from './address';
