/**
 * The demo shop: Grindstone Coffee Co., a specialty coffee and brewing-gear retailer with a
 * main stockroom (which also serves web orders), a back room for overflow, and a second shop
 * on the High Street. Figures are plausible rather than exact: prices in pence including VAT,
 * demand in units per day of the first variant.
 */

export const DEMO_PASSWORD = 'stockroom-demo';

export const DEMO_USERS = [
  { email: 'admin@stockroom.test', name: 'Alex Admin', role: 'ADMIN' },
  { email: 'manager@stockroom.test', name: 'Morgan Manager', role: 'MANAGER' },
  { email: 'clerk@stockroom.test', name: 'Casey Clerk', role: 'CLERK' },
  { email: 'viewer@stockroom.test', name: 'Vic Viewer', role: 'VIEWER' },
] as const;

export type DemoRole = (typeof DEMO_USERS)[number]['role'];

/** The default location (code MAIN) comes from the first migration; these two are added. */
export const DEMO_LOCATIONS = {
  back: { code: 'BACK', name: 'Back room' },
  shop: { code: 'HIGHST', name: 'High Street shop' },
} as const;

export const DEMO_SUPPLIERS = {
  beanBrothers: {
    name: 'Bean Brothers Roastery',
    code: 'BBR',
    email: 'orders@beanbrothers.test',
    phone: '+44 20 7946 0101',
    notes: 'Roasts Monday and Thursday; order by noon the day before.',
    leadTimeDays: 3,
  },
  leafLantern: {
    name: 'Leaf & Lantern Teas',
    code: 'LLT',
    email: 'wholesale@leaflantern.test',
    phone: '+44 131 496 0505',
    notes: 'Seasonal blends change in March and September.',
    leadTimeDays: 6,
  },
  brewtech: {
    name: 'Brewtech Supply Co.',
    code: 'BTS',
    email: 'trade@brewtech.test',
    phone: '+44 161 496 0202',
    notes: 'Trade account, 30 days net.',
    leadTimeDays: 5,
  },
  nordicCeramics: {
    name: 'Nordic Ceramics',
    code: 'NRC',
    email: 'sales@nordicceramics.test',
    phone: '+45 32 12 34 56',
    notes: 'Ships from Copenhagen, usually within two weeks.',
    leadTimeDays: 12,
  },
  kettleAndCo: {
    name: 'Kettle & Co. Catering',
    code: 'KCO',
    email: 'hello@kettleandco.test',
    phone: '+44 113 496 0303',
    notes: 'Free delivery over £250.',
    leadTimeDays: 4,
  },
  cleanLine: {
    name: 'CleanLine Wholesale',
    code: 'CLW',
    email: 'accounts@cleanline.test',
    phone: '+44 121 496 0404',
    notes: null,
    leadTimeDays: 3,
  },
} as const;

export type SupplierKey = keyof typeof DEMO_SUPPLIERS;

export interface VariantSpec {
  /** Appended to the item's name; empty for an item sold in one form. */
  label: string;
  /** Appended to the SKU; empty for an item sold in one form. */
  skuSuffix: string;
  priceFactor: number;
  demandFactor: number;
  /** Overrides the category's unit (a case of twelve packs is counted in cases). */
  unit?: string;
}

/** [SKU code, name, price of the first variant in pence, daily demand of it, description?] */
export type ItemSpec = [code: string, name: string, priceCents: number, dailySales: number, description?: string];

export interface CategorySpec {
  name: string;
  description: string;
  skuPrefix: string;
  unit: string;
  /** The first is the preferred supplier. */
  suppliers: SupplierKey[];
  /** Cost as a share of the shelf price, drawn per product in this range. */
  costShare: [number, number];
  /** Perishable goods are written off past their best-before date. */
  perishable: boolean;
  variants: VariantSpec[];
  items: ItemSpec[];
  /** Items sold in one form only, whatever the category's variants. */
  singles?: ItemSpec[];
}

export const DEMO_CATEGORIES: CategorySpec[] = [
  {
    name: 'Coffee beans',
    description: 'Whole bean coffee from Bean Brothers, roasted twice a week.',
    skuPrefix: 'BEAN',
    unit: 'bag',
    suppliers: ['beanBrothers'],
    costShare: [0.45, 0.55],
    perishable: true,
    variants: [
      { label: '250 g', skuSuffix: '250', priceFactor: 1, demandFactor: 1 },
      { label: '500 g', skuSuffix: '500', priceFactor: 1.8, demandFactor: 0.45 },
      { label: '1 kg', skuSuffix: '1K', priceFactor: 3.3, demandFactor: 0.25 },
    ],
    items: [
      ['ETH', 'Ethiopia Yirgacheffe', 1195, 1.6, 'Washed heirloom varieties. Jasmine, bergamot, lemon.'],
      ['COL', 'Colombia Huila', 1095, 1.8, 'Caramel, red apple, milk chocolate.'],
      ['KEN', 'Kenya Nyeri AA', 1295, 1, 'Blackcurrant, grapefruit, bright acidity.'],
      ['BRA', 'Brazil Cerrado', 895, 2, 'Hazelnut, cocoa, low acidity. Our espresso base.'],
      ['GUA', 'Guatemala Antigua', 1095, 1.2, 'Brown sugar, orange, baking spice.'],
      ['HSE', 'House Espresso', 995, 3, 'Our everyday espresso blend. Dark chocolate, toffee.'],
      ['DEC', 'Decaf Swiss Water', 1095, 0.8, 'Chemical-free decaffeination. Cocoa, dried fruit.'],
      ['RWA', 'Rwanda Nyungwe', 1195, 0.7, 'Red berries, black tea.'],
      ['PER', 'Peru Organic', 995, 0.9, 'Organic certified. Almond, mild citrus.'],
      ['SUM', 'Sumatra Mandheling', 1095, 0.6, 'Earthy, cedar, dark chocolate.'],
      ['CRC', 'Costa Rica Tarrazu Honey', 1195, 0.8, 'Honey process. Stone fruit, honey.'],
      ['HON', 'Honduras Santa Barbara', 1095, 0.6, 'Milk chocolate, plum, cane sugar.'],
      ['YEM', 'Yemen Haraaz', 1895, 0.2, 'Rare natural process. Wine, spice, dried fig.'],
      ['SEA', 'Seasonal Filter Blend', 1095, 1.1, 'Changes with the harvest calendar.'],
    ],
  },
  {
    name: 'Tea',
    description: 'Loose leaf tea and tisanes in resealable tins.',
    skuPrefix: 'TEA',
    unit: 'tin',
    suppliers: ['leafLantern'],
    costShare: [0.4, 0.5],
    perishable: true,
    variants: [
      { label: '50 g', skuSuffix: '050', priceFactor: 1, demandFactor: 1 },
      { label: '125 g', skuSuffix: '125', priceFactor: 2, demandFactor: 0.4 },
    ],
    items: [
      ['EGR', 'Earl Grey', 695, 1],
      ['ENB', 'English Breakfast', 595, 1.2],
      ['DAR', 'Darjeeling First Flush', 995, 0.4],
      ['SEN', 'Sencha', 850, 0.6],
      ['JAS', 'Jasmine Pearls', 1195, 0.4],
      ['ASM', 'Assam Breakfast', 650, 1.1],
      ['ROO', 'Rooibos Vanilla', 695, 0.6],
      ['PEP', 'Peppermint', 595, 0.7],
      ['CHA', 'Chamomile', 595, 0.6],
      ['LAP', 'Lapsang Souchong', 795, 0.25],
      ['OOL', 'Milk Oolong', 1095, 0.3],
      ['CHI', 'Masala Chai', 750, 0.8],
      ['GEN', 'Genmaicha', 750, 0.3],
      ['GUN', 'Gunpowder Green', 595, 0.3],
    ],
  },
  {
    name: 'Brewing equipment',
    description: 'Pour-over, immersion and stovetop brewers, kettles and scales.',
    skuPrefix: 'BREW',
    unit: 'each',
    suppliers: ['brewtech', 'kettleAndCo'],
    costShare: [0.55, 0.62],
    perishable: false,
    variants: [
      { label: 'Matte Black', skuSuffix: 'BLK', priceFactor: 1, demandFactor: 1 },
      { label: 'White', skuSuffix: 'WHT', priceFactor: 1, demandFactor: 0.6 },
    ],
    items: [['KTLE', 'Gooseneck Kettle, Electric', 8995, 0.12]],
    singles: [
      ['V60C', 'V60 Dripper 02, Ceramic', 2495, 0.35],
      ['V60P', 'V60 Dripper 02, Plastic', 895, 0.5],
      ['CHX6', 'Chemex Classic 6-cup', 4995, 0.15],
      ['AERO', 'AeroPress Original', 3495, 0.4],
      ['AEGO', 'AeroPress Go Travel', 3795, 0.2],
      ['FP08', 'French Press 800 ml', 2995, 0.25],
      ['MOKA', 'Moka Pot 6-cup', 3495, 0.15],
      ['CBJR', 'Cold Brew Jar 1 l', 2495, 0.12],
      ['KTLS', 'Gooseneck Kettle, Stovetop', 3995, 0.1],
      ['KALW', 'Kalita Wave 185 Dripper', 2995, 0.15],
      ['CLVR', 'Clever Dripper', 2295, 0.12],
      ['SIPH', 'Siphon Brewer 5-cup', 8495, 0.04],
      ['SCLE', 'Brew Scale with Timer', 4495, 0.2],
      ['THRM', 'Brew Thermometer', 1495, 0.1],
    ],
  },
  {
    name: 'Grinders',
    description: 'Hand and electric burr grinders, and spare burrs.',
    skuPrefix: 'GRND',
    unit: 'each',
    suppliers: ['brewtech'],
    costShare: [0.6, 0.66],
    perishable: false,
    variants: [
      { label: 'Black', skuSuffix: 'BLK', priceFactor: 1, demandFactor: 1 },
      { label: 'Silver', skuSuffix: 'SLV', priceFactor: 1.05, demandFactor: 0.7 },
    ],
    items: [
      ['HGC', 'Hand Grinder Classic', 7995, 0.08],
      ['ECB', 'Electric Conical Burr Grinder', 14995, 0.05],
    ],
    singles: [
      ['HGT', 'Hand Grinder Travel', 5495, 0.07],
      ['EFB', 'Electric Flat Burr Grinder', 24995, 0.03],
      ['ESP', 'Espresso Grinder Pro', 39995, 0.02],
      ['BRC', 'Replacement Conical Burr Set', 3495, 0.03],
      ['BRF', 'Replacement Flat Burr Set', 4495, 0.02],
    ],
  },
  {
    name: 'Mugs & cups',
    description: 'Stoneware from Nordic Ceramics, sold singly, in five glazes.',
    skuPrefix: 'MUG',
    unit: 'each',
    suppliers: ['nordicCeramics'],
    costShare: [0.4, 0.46],
    perishable: false,
    variants: [
      { label: 'Snow', skuSuffix: 'SNW', priceFactor: 1, demandFactor: 1 },
      { label: 'Slate', skuSuffix: 'SLT', priceFactor: 1, demandFactor: 0.85 },
      { label: 'Sand', skuSuffix: 'SND', priceFactor: 1, demandFactor: 0.7 },
      { label: 'Moss', skuSuffix: 'MOS', priceFactor: 1, demandFactor: 0.55 },
      { label: 'Rust', skuSuffix: 'RST', priceFactor: 1, demandFactor: 0.4 },
    ],
    items: [
      ['M350', 'Stoneware Mug 350 ml', 1895, 0.3],
      ['E080', 'Espresso Cup 80 ml', 1295, 0.18],
      ['C180', 'Cappuccino Cup 180 ml', 1595, 0.2],
      ['T250', 'Tumbler 250 ml', 1495, 0.14],
      ['B400', 'Latte Bowl 400 ml', 2195, 0.1],
    ],
  },
  {
    name: 'Filters & papers',
    description: 'Paper, cloth and metal filters, by the pack or the case.',
    skuPrefix: 'FLTR',
    unit: 'pack',
    suppliers: ['brewtech', 'kettleAndCo'],
    costShare: [0.45, 0.55],
    perishable: false,
    variants: [
      { label: 'Pack', skuSuffix: 'PK', priceFactor: 1, demandFactor: 1 },
      { label: 'Case of 12', skuSuffix: 'C12', priceFactor: 11, demandFactor: 0.06, unit: 'case' },
    ],
    items: [
      ['V60', 'V60 Paper Filters 02 (100)', 495, 1.8],
      ['CHX', 'Chemex Bonded Filters (100)', 1095, 0.5],
      ['AER', 'AeroPress Paper Filters (350)', 595, 0.7],
      ['KAL', 'Kalita 185 Wave Filters (100)', 895, 0.4],
      ['CBB', 'Cold Brew Filter Bags (10)', 595, 0.3],
      ['BSK', 'Basket Filters 8-12 cup (100)', 395, 0.6],
      ['ML4', 'Cone Filters 1x4 (80)', 350, 0.7],
    ],
    singles: [
      ['MESH', 'Stainless Mesh Filter for AeroPress', 1495, 0.12],
      ['CLTH', 'Cloth Filters for V60 (3)', 995, 0.15],
    ],
  },
  {
    name: 'Cleaning & care',
    description: 'Descalers, detergents and brushes for machines and grinders.',
    skuPrefix: 'CLEAN',
    unit: 'each',
    suppliers: ['cleanLine'],
    costShare: [0.45, 0.5],
    perishable: false,
    variants: [
      { label: 'Single', skuSuffix: '1', priceFactor: 1, demandFactor: 1 },
      { label: 'Case of 6', skuSuffix: 'C6', priceFactor: 5.5, demandFactor: 0.05, unit: 'case' },
    ],
    items: [
      ['DSC', 'Descaler 500 ml', 995, 0.5],
      ['TAB', 'Espresso Cleaning Tablets (100)', 1495, 0.25],
      ['GRC', 'Grinder Cleaning Pellets 430 g', 1295, 0.2],
      ['MLC', 'Milk Line Cleaner 1 l', 1195, 0.2],
      ['DET', 'Espresso Machine Detergent 900 g', 1395, 0.15],
    ],
    singles: [
      ['BRSH', 'Group Head Brush', 795, 0.12],
      ['MFC', 'Microfibre Cloths (5)', 695, 0.3],
    ],
  },
  {
    name: 'Accessories',
    description: 'Tampers, jugs, canisters and the small things that make the ritual.',
    skuPrefix: 'ACC',
    unit: 'each',
    suppliers: ['kettleAndCo', 'brewtech'],
    costShare: [0.45, 0.55],
    perishable: false,
    variants: [
      { label: 'Black', skuSuffix: 'BLK', priceFactor: 1, demandFactor: 1 },
      { label: 'Walnut', skuSuffix: 'WAL', priceFactor: 1.2, demandFactor: 0.6 },
    ],
    items: [
      ['KNCK', 'Knock Box', 2995, 0.1],
      ['TAMP', 'Espresso Tamper 58 mm', 3495, 0.1],
    ],
    singles: [
      ['DOSE', 'Dosing Cup 58 mm', 1495, 0.12],
      ['WDT', 'WDT Distribution Tool', 1995, 0.12],
      ['JUG6', 'Milk Jug 600 ml', 1995, 0.2],
      ['JUG3', 'Milk Jug 350 ml', 1695, 0.15],
      ['PEN', 'Latte Art Pen', 695, 0.08],
      ['CAN5', 'Vacuum Coffee Canister 500 g', 2495, 0.2],
      ['SCP', 'Bean Scoop, Walnut', 895, 0.15],
      ['MAT', 'Tamping Mat', 1495, 0.08],
      ['APR', 'Barista Apron, Denim', 3495, 0.05],
      ['CSP', 'Cupping Spoon', 995, 0.08],
      ['TMR', 'Brew Timer', 1295, 0.08],
      ['GBX', 'Gift Box, Kraft', 295, 0.4],
    ],
  },
  {
    name: 'Syrups & sauces',
    description: 'Barista syrups and sauces for flavoured drinks.',
    skuPrefix: 'SYR',
    unit: 'bottle',
    suppliers: ['kettleAndCo'],
    costShare: [0.4, 0.5],
    perishable: true,
    variants: [
      { label: '250 ml', skuSuffix: '250', priceFactor: 1, demandFactor: 1 },
      { label: '1 l', skuSuffix: '1L', priceFactor: 2.6, demandFactor: 0.35 },
    ],
    items: [
      ['VAN', 'Vanilla Syrup', 495, 1],
      ['CAR', 'Caramel Syrup', 495, 0.9],
      ['HAZ', 'Hazelnut Syrup', 495, 0.7],
      ['SCA', 'Salted Caramel Syrup', 550, 0.5],
      ['GIN', 'Gingerbread Syrup', 550, 0.3],
      ['CIN', 'Cinnamon Syrup', 495, 0.2],
      ['COC', 'Coconut Syrup', 495, 0.2],
      ['PUM', 'Pumpkin Spice Syrup', 550, 0.35],
      ['SFV', 'Sugar-free Vanilla Syrup', 550, 0.3],
      ['CHO', 'Chocolate Sauce', 595, 0.5],
    ],
  },
  {
    name: 'Hot chocolate',
    description: 'Drinking chocolate and cacao, by the tin or the catering bag.',
    skuPrefix: 'CHOC',
    unit: 'tin',
    suppliers: ['kettleAndCo'],
    costShare: [0.45, 0.52],
    perishable: true,
    variants: [
      { label: '250 g', skuSuffix: '250', priceFactor: 1, demandFactor: 1 },
      { label: '1 kg', skuSuffix: '1K', priceFactor: 3.2, demandFactor: 0.25, unit: 'bag' },
    ],
    items: [
      ['D70', 'Drinking Chocolate 70%', 895, 0.7],
      ['D54', 'Drinking Chocolate 54%', 795, 0.8],
      ['WHT', 'White Hot Chocolate', 795, 0.4],
      ['MNT', 'Mint Hot Chocolate', 850, 0.25],
      ['ORG', 'Orange Hot Chocolate', 850, 0.2],
      ['NIB', 'Cacao Nibs', 695, 0.2],
    ],
  },
];
