/** The grid's fixed sizes in CSS pixels. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 46;
export const CHECK_WIDTH = 32;
export const RANK_WIDTH = 44;
