/** The demo shop: a specialty coffee and kitchen store with a back room and a second shop. */

export const DEMO_PASSWORD = 'stockroom-demo';

export const DEMO_USERS = [
  { email: 'admin@stockroom.test', name: 'Alex Admin', role: 'ADMIN' },
  { email: 'manager@stockroom.test', name: 'Morgan Manager', role: 'MANAGER' },
  { email: 'clerk@stockroom.test', name: 'Casey Clerk', role: 'CLERK' },
  { email: 'viewer@stockroom.test', name: 'Vic Viewer', role: 'VIEWER' },
] as const;

export const DEMO_LOCATIONS = {
  back: { code: 'BACK', name: 'Back room' },
  shop: { code: 'HIGHST', name: 'High Street shop' },
};

export const DEMO_SUPPLIERS = [
  { name: 'Bean Brothers Roastery', email: 'orders@beanbrothers.test', phone: '+44 20 7946 0101', notes: 'Roasts on Mondays; order by Friday noon.' },
  { name: 'Nordic Ceramics', email: 'sales@nordicceramics.test', phone: '+45 32 12 34 56', notes: 'Minimum order 24 pieces per design.' },
  { name: 'Brewtech Supply Co.', email: 'trade@brewtech.test', phone: '+44 161 496 0202', notes: null },
  { name: 'Kettle & Co.', email: 'hello@kettleandco.test', phone: '+44 113 496 0303', notes: 'Free delivery over 250.00.' },
  { name: 'CleanLine Wholesale', email: 'accounts@cleanline.test', phone: '+44 121 496 0404', notes: null },
  { name: 'Leaf & Lantern Teas', email: 'wholesale@leaflantern.test', phone: '+44 131 496 0505', notes: 'Seasonal blends change in March and September.' },
];

interface CategoryPlan {
  name: string;
  description: string;
  prefix: string;
  unit: string;
  /** Supplier indexes into DEMO_SUPPLIERS: the first is preferred. */
  suppliers: number[];
  priceRange: [number, number];
  variants: string[];
  kinds: string[];
}

export const DEMO_CATEGORIES: CategoryPlan[] = [
  {
    name: 'Coffee beans',
    description: 'Whole bean coffee, roasted weekly.',
    prefix: 'BEAN',
    unit: 'bag',
    suppliers: [0],
    priceRange: [900, 2400],
    variants: ['250 g', '500 g', '1 kg'],
    kinds: ['Ethiopia Yirgacheffe', 'Colombia Huila', 'Kenya AA', 'Brazil Cerrado', 'Guatemala Antigua', 'House Espresso', 'Decaf Swiss Water', 'Rwanda Nyungwe', 'Peru Organic', 'Sumatra Mandheling', 'Costa Rica Tarrazu', 'Winter Blend'],
  },
  {
    name: 'Tea',
    description: 'Loose leaf tea and tisanes.',
    prefix: 'TEA',
    unit: 'tin',
    suppliers: [5],
    priceRange: [650, 1800],
    variants: ['50 g', '100 g', '250 g'],
    kinds: ['Earl Grey', 'Darjeeling First Flush', 'Sencha', 'Jasmine Pearls', 'Assam Breakfast', 'Rooibos Vanilla', 'Peppermint', 'Chamomile', 'Lapsang Souchong', 'Oolong Milk', 'Chai Masala', 'Genmaicha'],
  },
  {
    name: 'Brewing equipment',
    description: 'Pour-over, immersion and espresso gear.',
    prefix: 'BREW',
    unit: 'each',
    suppliers: [2, 3],
    priceRange: [1500, 16000],
    variants: ['Black', 'White'],
    kinds: ['V60 Dripper 02', 'Chemex 6-cup', 'AeroPress Go', 'French Press 1 l', 'Moka Pot 6-cup', 'Cold Brew Jar', 'Gooseneck Kettle', 'Siphon Brewer', 'Kalita Wave 185', 'Clever Dripper', 'Espresso Tamper 58 mm', 'Milk Jug 600 ml', 'Digital Scale', 'Brew Thermometer'],
  },
  {
    name: 'Grinders',
    description: 'Hand and electric burr grinders.',
    prefix: 'GRND',
    unit: 'each',
    suppliers: [2],
    priceRange: [3500, 32000],
    variants: ['Black', 'Silver'],
    kinds: ['Hand Grinder Classic', 'Hand Grinder Travel', 'Conical Burr Electric', 'Flat Burr Electric', 'Espresso Grinder Pro', 'Replacement Burr Set'],
  },
  {
    name: 'Mugs & cups',
    description: 'Stoneware and porcelain, sold singly.',
    prefix: 'MUG',
    unit: 'each',
    suppliers: [1],
    priceRange: [900, 2800],
    variants: ['Sand', 'Slate', 'Moss', 'Snow', 'Rust'],
    kinds: ['Stoneware Mug 350 ml', 'Espresso Cup 80 ml', 'Cappuccino Cup 180 ml', 'Tumbler 250 ml', 'Latte Bowl 400 ml'],
  },
  {
    name: 'Filters & papers',
    description: 'Paper and metal filters.',
    prefix: 'FLTR',
    unit: 'pack',
    suppliers: [2, 3],
    priceRange: [350, 1900],
    variants: ['Retail', 'Case of 12'],
    kinds: ['V60 Papers 02 (100)', 'Chemex Bonded (100)', 'AeroPress Papers (350)', 'Kalita 185 Papers (100)', 'Metal Mesh Filter', 'Cloth Filter (3)', 'Cold Brew Bags (10)', 'Basket Filter 8-12 cup'],
  },
  {
    name: 'Cleaning supplies',
    description: 'Keeping machines and grinders sweet.',
    prefix: 'CLEAN',
    unit: 'each',
    suppliers: [4],
    priceRange: [450, 2200],
    variants: ['Single', 'Case of 6'],
    kinds: ['Descaler 500 ml', 'Espresso Cleaning Tablets (100)', 'Grinder Cleaner 430 g', 'Group Head Brush', 'Milk Line Cleaner 1 l', 'Microfibre Cloths (5)'],
  },
  {
    name: 'Accessories',
    description: 'Small things that make the ritual.',
    prefix: 'ACC',
    unit: 'each',
    suppliers: [3, 2],
    priceRange: [400, 4500],
    variants: ['Black', 'Walnut'],
    kinds: ['Knock Box', 'Dosing Cup', 'Latte Art Pen', 'Coffee Canister 500 g', 'Bean Scoop', 'Drip Tray Mat', 'Barista Apron', 'Cupping Spoon', 'Timer', 'Gift Card Sleeve'],
  },
];
