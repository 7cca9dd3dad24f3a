import bwipjs from 'bwip-js/node';
import { grayscale, PDFDocument, type PDFEmbeddedPage, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
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
  // Each distinct symbol is drawn once, on a page of a scratch document, and placed on every
  // label that shows it as a form XObject: a sheet of one product draws its bars once.
  const scratch = await PDFDocument.create();
  const forms = new Map<string, Promise<SymbolForm>>();
  const formFor = (symbol: LabelSymbol, box: Box) => {
    const key = `${symbol.bcid}:${symbol.text}:${Math.round(box.height)}`;
    if (!forms.has(key)) forms.set(key, symbolForm(document, scratch, placeSymbol(symbol, box)));
    return forms.get(key)!;
  };

  let page: PDFPage | undefined;
  for (const [index, product] of labels.entries()) {
    const slot = index % perPage;
    if (slot === 0) page = document.addPage([width, height]);
    const x = left + (slot % LABEL.columns) * (LABEL.width + LABEL.columnGap);
    const y = height - top - (Math.floor(slot / LABEL.columns) + 1) * LABEL.height;
    await drawLabel(page!, { x, y, product, formFor, fonts: { bold, regular } });
  }
  return document.save();
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A symbol drawn once, and its size on the label in points. */
interface SymbolForm {
  form: PDFEmbeddedPage;
  width: number;
  height: number;
}

/** An SVG from bwip-js and the scale (points per SVG unit) that fits it in its box. */
interface PlacedSymbol {
  svg: string;
  width: number;
  height: number;
  scale: number;
}

async function drawLabel(
  page: PDFPage,
  { x, y, product, formFor, fonts }: { x: number; y: number; product: LabelProduct; formFor: (symbol: LabelSymbol, box: Box) => Promise<SymbolForm>; fonts: { bold: PDFFont; regular: PDFFont } },
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
  const { form, width, height } = await formFor(labelSymbol(product), box);
  page.drawPage(form, { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height });
}

/** bwip-js draws a linear symbol's module as 2 SVG units, and 1 pt as 2 units. */
const UNITS_PER_POINT = 2;
const SHORTEST_BARS_MM = 4;
const TALLEST_BARS_MM = 20;

function toSvg(symbol: LabelSymbol): { svg: string; width: number; height: number } {
  const svg =
    symbol.bcid === 'qrcode'
      ? bwipjs.toSVG({ bcid: 'qrcode', text: symbol.text })
      : bwipjs.toSVG({ bcid: symbol.bcid, text: symbol.text, height: SHORTEST_BARS_MM, includetext: symbol.humanReadable });
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js answered an SVG without a viewBox');
  return { svg, width: Number(viewBox[1]), height: Number(viewBox[2]) };
}

/**
 * The same linear symbol with bars `extra` units taller: every bar's lower end and the digits
 * under the bars move down. Encoding is what costs in bwip-js (tens of milliseconds a symbol
 * on a busy machine), so a symbol is encoded once and stretched here, not encoded again.
 */
function stretchBars(svg: string, extra: number): string {
  const shift = (d: string, stroked: boolean) =>
    d.replace(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${x} ${!stroked || Number(y) > 0 ? Number(y) + extra : y}`);
  return svg
    .replace(/viewBox="0 0 ([\d.]+) ([\d.]+)"/, (_, width: string, height: string) => `viewBox="0 0 ${width} ${Number(height) + extra}"`)
    .replace(/<path ([^>]*?)\bd="([^"]+)"/g, (_, before: string, d: string) => `<path ${before}d="${shift(d, /stroke-width/.test(before))}"`);
}

/**
 * Sizes a symbol to its box: as wide as fits (a module at most 0.4 mm), then bars as tall as
 * the box leaves room for. A Code 128 whose modules would be thinner than 0.19 mm (a long
 * SKU) cannot be read by a scanner or a phone: it becomes a QR code of the same text, which
 * the scan page reads just as well.
 */
function placeSymbol(symbol: LabelSymbol, box: { width: number; height: number }): PlacedSymbol {
  const probe = toSvg(symbol);
  const pointsPerModule = (box.width / probe.width) * 2;
  if (symbol.bcid === 'code128' && pointsPerModule < MIN_POINTS_PER_MODULE) return placeSymbol({ bcid: 'qrcode', text: symbol.text, humanReadable: false }, box);
  // A QR code needs a quiet zone of 4 modules on each side: about a fifth of a small symbol's width.
  if (symbol.bcid === 'qrcode') return { ...probe, scale: Math.min(box.width, box.height) / (probe.width * 1.25) };

  const scale = Math.min(box.width / probe.width, MAX_POINTS_PER_MODULE / 2);
  const room = Math.min(box.height / scale - probe.height, (TALLEST_BARS_MM - SHORTEST_BARS_MM) * MM * UNITS_PER_POINT);
  if (room <= 0) return { ...probe, scale: Math.min(scale, box.height / probe.height) };
  return { svg: stretchBars(probe.svg, room), width: probe.width, height: probe.height + room, scale };
}

/** Bars are stroked lines and digits filled outlines: both go into the PDF as vectors, sharp on any printer. */
async function symbolForm(document: PDFDocument, scratch: PDFDocument, { svg, width, height, scale }: PlacedSymbol): Promise<SymbolForm> {
  const size = { width: width * scale, height: height * scale };
  const canvas = scratch.addPage([size.width, size.height]);
  for (const [, attributes] of svg.matchAll(/<path ([^>]*?)\/?>/g)) {
    const path = /\bd="([^"]+)"/.exec(attributes!)?.[1];
    if (!path) continue;
    const strokeWidth = /stroke-width="([\d.]+)"/.exec(attributes!)?.[1];
    // drawSvgPath puts the SVG's top-left corner at (x, y), y growing downwards; the line
    // width is set inside the path's scaled coordinates, so it stays in SVG units.
    if (strokeWidth) canvas.drawSvgPath(path, { x: 0, y: size.height, scale, borderColor: rgb(0, 0, 0), borderWidth: Number(strokeWidth) });
    else canvas.drawSvgPath(path, { x: 0, y: size.height, scale, color: rgb(0, 0, 0) });
  }
  return { form: await document.embedPage(canvas), ...size };
}

/**
 * The standard PDF fonts speak Windows-1252 only: any other character (Greek, CJK, emoji)
 * would make pdf-lib throw, so it prints as "?" rather than failing the whole sheet.
 */
const characterSets = new WeakMap<PDFFont, Set<number>>();

function printable(text: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
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
