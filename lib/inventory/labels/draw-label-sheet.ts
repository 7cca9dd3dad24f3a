import bwipjs from 'bwip-js/node';
import { grayscale, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { labelSymbol, type LabelSymbol } from './label-symbol';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

export interface LabelProduct {
  sku: string;
  name: string;
  barcode: string | null;
}

const MM = 72 / 25.4;
const PAGE: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};
/**
 * 3 x 7 labels of 63.5 x 38.1 mm, the common 21-up sheet (Avery L7160 on A4), centred; on
 * Letter the same labels in the same grid keep at least a quarter inch from every edge.
 */
const LABEL = { width: 63.5 * MM, height: 38.1 * MM, columns: 3, rows: 7, columnGap: 2.5 * MM, padding: 3 * MM };
const NAME_SIZE = 9;
const SKU_SIZE = 7.5;
/** A module wider than 0.4 mm only makes the symbol bigger, not easier to read. */
const MAX_POINTS_PER_MODULE = 0.4 * MM;
/** Below about 0.19 mm a printed module blurs into its neighbours. */
const MIN_POINTS_PER_MODULE = 0.19 * MM;

/**
 * A PDF sheet of labels, in the order given: each with the product's name (two lines at
 * most, cut with an ellipsis), its SKU, and a barcode a scanner reads back to it
 * (label-symbol.ts). Pure drawing: render-label-sheet.ts finds the products.
 */
export async function drawLabelSheet({ labels, paper }: { labels: LabelProduct[]; paper: Paper }): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('Product labels');
  document.setCreator('Stockroom');
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const { width, height } = PAGE[paper];
  const perPage = LABEL.columns * LABEL.rows;
  const left = (width - LABEL.columns * LABEL.width - (LABEL.columns - 1) * LABEL.columnGap) / 2;
  const top = (height - LABEL.rows * LABEL.height) / 2;
  const symbols = new Map<string, PlacedSymbol>();

  let page: PDFPage | undefined;
  labels.forEach((product, index) => {
    const slot = index % perPage;
    if (slot === 0) page = document.addPage([width, height]);
    const x = left + (slot % LABEL.columns) * (LABEL.width + LABEL.columnGap);
    const y = height - top - (Math.floor(slot / LABEL.columns) + 1) * LABEL.height;
    drawLabel(page!, { x, y, product, symbols, fonts: { bold, regular } });
  });
  return document.save();
}

/** An SVG from bwip-js and the scale (points per SVG unit) that fits it in its box. */
interface PlacedSymbol {
  svg: string;
  width: number;
  height: number;
  scale: number;
}

function drawLabel(
  page: PDFPage,
  { x, y, product, symbols, fonts }: { x: number; y: number; product: LabelProduct; symbols: Map<string, PlacedSymbol>; fonts: { bold: PDFFont; regular: PDFFont } },
) {
  // A hairline outline: a guide for scissors on plain paper, too light to show on label stock.
  page.drawRectangle({ x, y, width: LABEL.width, height: LABEL.height, borderColor: grayscale(0.85), borderWidth: 0.3 });
  const inner = { x: x + LABEL.padding, width: LABEL.width - 2 * LABEL.padding };
  let cursor = y + LABEL.height - LABEL.padding;

  for (const line of fitLines(printable(product.name, fonts.bold), fonts.bold, NAME_SIZE, inner.width, 2)) {
    cursor -= NAME_SIZE;
    page.drawText(line, { x: inner.x, y: cursor, size: NAME_SIZE, font: fonts.bold, color: rgb(0, 0, 0) });
    cursor -= 1.5;
  }
  // The SKU is the product's identity: it wraps rather than lose characters (64 fit in two lines).
  for (const line of fitLines(printable(product.sku, fonts.regular), fonts.regular, SKU_SIZE, inner.width, 2)) {
    cursor -= SKU_SIZE;
    page.drawText(line, { x: inner.x, y: cursor, size: SKU_SIZE, font: fonts.regular, color: grayscale(0.3) });
    cursor -= 1;
  }
  cursor -= 3;

  const box = { x: inner.x, y: y + LABEL.padding, width: inner.width, height: cursor - (y + LABEL.padding) };
  const symbol = labelSymbol(product);
  const key = `${symbol.bcid}:${symbol.text}:${Math.round(box.height)}`;
  if (!symbols.has(key)) symbols.set(key, placeSymbol(symbol, box));
  drawSymbol(page, symbols.get(key)!, box);
}

function toSvg(symbol: LabelSymbol, barHeightMm: number): { svg: string; width: number; height: number } {
  const svg =
    symbol.bcid === 'qrcode'
      ? bwipjs.toSVG({ bcid: 'qrcode', text: symbol.text })
      : bwipjs.toSVG({ bcid: symbol.bcid, text: symbol.text, height: barHeightMm, includetext: symbol.humanReadable });
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js answered an SVG without a viewBox');
  return { svg, width: Number(viewBox[1]), height: Number(viewBox[2]) };
}

/**
 * Sizes a symbol to its box: as wide as fits (a module at most 0.4 mm), then bars as tall as
 * the box leaves room for. A Code 128 whose modules would be thinner than 0.19 mm (a long
 * SKU) cannot be read by a scanner or a phone: it becomes a QR code of the same text, which
 * the scan page reads just as well.
 */
function placeSymbol(symbol: LabelSymbol, box: { width: number; height: number }): PlacedSymbol {
  const probe = toSvg(symbol, 10);
  // bwip-js draws a linear symbol's module as 2 SVG units.
  const pointsPerModule = (box.width / probe.width) * 2;
  if (symbol.bcid === 'code128' && pointsPerModule < MIN_POINTS_PER_MODULE) return placeSymbol({ bcid: 'qrcode', text: symbol.text, humanReadable: false }, box);
  // A QR code needs a quiet zone of 4 modules on each side: about a fifth of a small symbol's width.
  if (symbol.bcid === 'qrcode') return { ...probe, scale: Math.min(box.width, box.height) / (probe.width * 1.25) };

  const scale = Math.min(box.width / probe.width, MAX_POINTS_PER_MODULE / 2);
  // Everything but the bars (the digits under an EAN) keeps its size as the bars grow.
  const barUnitsAt10Mm = 10 * MM * 2;
  const wantedBarMm = (box.height / scale - (probe.height - barUnitsAt10Mm)) / 2 / MM;
  const sized = toSvg(symbol, Math.max(4, Math.min(20, Math.floor(wantedBarMm * 2) / 2)));
  return { ...sized, scale: Math.min(scale, box.height / sized.height) };
}

/** Bars are stroked lines and digits filled outlines: both go into the PDF as vectors, sharp on any printer. */
function drawSymbol(page: PDFPage, { svg, width, height, scale }: PlacedSymbol, box: { x: number; y: number; width: number; height: number }) {
  // drawSvgPath places the SVG's top-left corner at (x, y), with y growing downwards.
  const originX = box.x + (box.width - width * scale) / 2;
  const originY = box.y + (box.height + height * scale) / 2;
  for (const [, attributes] of svg.matchAll(/<path ([^>]*?)\/?>/g)) {
    const path = /\bd="([^"]+)"/.exec(attributes!)?.[1];
    if (!path) continue;
    const strokeWidth = /stroke-width="([\d.]+)"/.exec(attributes!)?.[1];
    // The line width is set inside the path's scaled coordinates: SVG units, not points.
    if (strokeWidth) page.drawSvgPath(path, { x: originX, y: originY, scale, borderColor: rgb(0, 0, 0), borderWidth: Number(strokeWidth) });
    else page.drawSvgPath(path, { x: originX, y: originY, scale, color: rgb(0, 0, 0) });
  }
}
/**
 * The standard PDF fonts speak Windows-1252 only: any other character (Greek, CJK, emoji)
 * would make pdf-lib throw, so it prints as "?" rather than failing the whole sheet.
 */
function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')].map((character) => (supported.has(character.codePointAt(0)!) ? character : '?')).join('');
}

/** Words wrapped into at most `maxLines` lines of `width`; what does not fit ends the last line with an ellipsis. */
function fitLines(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let rest = text.trim().replace(/\s+/g, ' ');
  while (rest !== '' && lines.length < maxLines) {
    const last = lines.length === maxLines - 1;
    if (fits(rest)) {
      lines.push(rest);
      rest = '';
      break;
    }
    if (last) {
      let cut = rest;
      while (cut.length > 0 && !fits(`${cut}\u2026`)) cut = cut.slice(0, -1);
      lines.push(`${cut.trimEnd()}\u2026`);
      rest = '';
      break;
    }
    // The longest run of whole words that fits, else as many characters as fit (a long SKU-like word).
    const words = rest.split(' ');
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (!fits(candidate)) break;
      line = candidate;
    }
    if (line === '') {
      line = rest;
      while (line.length > 1 && !fits(line)) line = line.slice(0, -1);
    }
    lines.push(line);
    rest = rest.slice(line.length).trim();
  }
  return lines;
}
