import type { Config } from 'tailwindcss';

// Loaded by app/globals.css through `@config`. System font stacks only: nothing is fetched
// at build time, so the app builds offline.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: ['ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
      colors: {
        brand: {
          50: '#eef6ff',
          100: '#d9eaff',
          500: '#2f6fdf',
          600: '#1f57c3',
          700: '#1b469c',
          900: '#142a57',
        },
      },
    },
  },
};

export default config;
