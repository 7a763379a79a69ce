/** How a patient address is written into a page or printed. */
export type AddressFormat = 'plain' | 'autolink' | 'mailto';

export const ADDRESS_FORMATS: readonly AddressFormat[] = ['plain', 'autolink', 'mailto'];

/** `plain` as is; `autolink` as a Markdown autolink `<…>`; `mailto` as a Markdown link to `mailto:…`. */
export function formatPatientAddress(address: string, format: AddressFormat): string {
  if (format === 'autolink') return `<${address}>`;
  if (format === 'mailto') return `[${address}](mailto:${address})`;
  return address;
}
