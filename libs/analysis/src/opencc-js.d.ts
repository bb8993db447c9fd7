// opencc-js ships no types; only the converter factory is used here.
declare module 'opencc-js' {
  export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'jp' | 't';
  export function Converter(opts: { from: Locale; to: Locale }): (text: string) => string;
}
