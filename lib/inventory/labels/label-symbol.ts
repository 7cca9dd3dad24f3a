import { gtinKind, isValidGtin } from '../barcode';

/** What a label prints: the bwip-js symbology, the text it encodes, and whether bwip-js prints the digits under the bars. */
export interface LabelSymbol {
  bcid: 'ean13' | 'upca' | 'ean8' | 'code128' | 'qrcode';
  text: string;
  humanReadable: boolean;
}

/**
 * A GTIN prints as the retail symbol every till and phone reads (EAN-13, UPC-A, EAN-8; a
 * GTIN-14 whose indicator digit is 0 is an EAN-13 with a leading zero). Anything else (no
 * barcode, an in-house code, a case-level GTIN-14) prints the SKU as Code 128, which the
 * lookup resolves just as well.
 */
export function labelSymbol({ sku, barcode }: { sku: string; barcode: string | null }): LabelSymbol {
  if (barcode && isValidGtin(barcode)) {
    const kind = gtinKind(barcode);
    if (kind === 'EAN13') return { bcid: 'ean13', text: barcode, humanReadable: true };
    if (kind === 'UPCA') return { bcid: 'upca', text: barcode, humanReadable: true };
    if (kind === 'EAN8') return { bcid: 'ean8', text: barcode, humanReadable: true };
    if (kind === 'GTIN14' && barcode.startsWith('0')) return { bcid: 'ean13', text: barcode.slice(1), humanReadable: true };
  }
  return { bcid: 'code128', text: sku, humanReadable: false };
}
