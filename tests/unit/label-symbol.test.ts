import { describe, expect, it } from 'vitest';
import { labelSymbol } from '@/lib/inventory/labels/label-symbol';

describe('the symbol a label prints', () => {
  it('is the retail symbol of a valid GTIN, with its digits printed under the bars', () => {
    expect(labelSymbol({ sku: 'A', barcode: '4006381333931' })).toEqual({ bcid: 'ean13', text: '4006381333931', humanReadable: true });
    expect(labelSymbol({ sku: 'A', barcode: '036000291452' })).toEqual({ bcid: 'upca', text: '036000291452', humanReadable: true });
    expect(labelSymbol({ sku: 'A', barcode: '96385074' })).toEqual({ bcid: 'ean8', text: '96385074', humanReadable: true });
    // A GTIN-14 with indicator 0 is the EAN-13 after it.
    expect(labelSymbol({ sku: 'A', barcode: '04006381333931' })).toEqual({ bcid: 'ean13', text: '4006381333931', humanReadable: true });
  });

  it('is Code 128 of the SKU otherwise: no barcode, an in-house code, a case-level GTIN-14', () => {
    for (const barcode of [null, 'SHELF-A/3', '10012345678902']) expect(labelSymbol({ sku: 'MUG-1', barcode })).toEqual({ bcid: 'code128', text: 'MUG-1', humanReadable: false });
  });
});
