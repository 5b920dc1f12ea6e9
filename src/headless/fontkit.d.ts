// The part of fontkit (pdfkit's font reader) the headless renderer uses: it ships no types.
declare module "fontkit" {
  interface Font {
    familyName: string;
    subfamilyName?: string;
    unitsPerEm: number;
    italicAngle: number;
    name?: { records: Record<string, Record<string, string> | undefined> };
    "OS/2"?: { usWeightClass: number; usWidthClass: number };
    layout(text: string): { advanceWidth: number };
  }
  interface FontCollection {
    fonts: Font[];
  }
  export function openSync(file: string): Font | FontCollection;
}
