/**
 * What a person can read in a view: every piece of text on screen, with the box it is drawn in,
 * then the pairs that overlap and the pieces cut off by an edge. Text scrolled wholly out of a
 * scrolling container is not on screen and not counted; text shortened on purpose (an ellipsis
 * with the full text on hover, in a `title` attribute or an SVG `<title>`) is fine. A popup (a
 * tooltip, an open menu: a box positioned absolutely with an opaque background) covers what is
 * under it: its texts and those it covers are not overlaps.
 */

/** Themes as JupyterLab sets them: its variables on the page, which every view falls back to. */
export const THEMES = {
  light: {},
  dark: {
    "--jp-layout-color0": "#111111",
    "--jp-layout-color1": "#1e1e1e",
    "--jp-layout-color2": "#2a2a2a",
    "--jp-ui-font-color0": "#ffffff",
    "--jp-ui-font-color1": "#e6e6e6",
    "--jp-ui-font-color2": "#b0b0b0",
    "--jp-ui-font-color3": "#8a8a8a",
    "--jp-border-color1": "#4a4a4a",
    "--jp-border-color2": "#3a3a3a",
    "--jp-ui-inverse-font-color1": "#111111",
  },
};

/** Sets a theme's variables on the page's body (light clears them). */
export async function applyTheme(page, name) {
  await page.evaluate(
    ({ vars, all }) => {
      for (const property of all) document.body.style.removeProperty(property);
      for (const [property, value] of Object.entries(vars)) document.body.style.setProperty(property, value);
      document.body.style.background = vars["--jp-layout-color0"] ?? "";
      document.body.style.color = vars["--jp-ui-font-color1"] ?? "";
    },
    { vars: THEMES[name], all: Object.keys(THEMES.dark) },
  );
}

/**
 * The legibility problems of the element matched by `selector`: `{ overlaps: [[a, b], ...],
 * clipped: [text, ...], texts }` where each text is `{ text, box }`. `tolerance` is how many
 * pixels two boxes may share, or a box may pass an edge, before it counts (glyph boxes include
 * some padding above and below the letters).
 */
export async function legibility(page, selector, { tolerance = 1 } = {}) {
  return page
    .locator(selector)
    .first()
    .evaluate((root, tolerance) => {
      const visible = (element) => {
        // checkVisibility also knows content the browser does not render, such as a closed <details>' body.
        if (element.checkVisibility && !element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
        for (let node = element; node && node !== document; node = node.parentElement ?? node.parentNode) {
          if (!(node instanceof Element)) continue;
          const style = getComputedStyle(node);
          if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return false;
          // Text for screen readers only, clipped to nothing on purpose.
          if (/^rect\(0px,? 0px,? 0px,? 0px\)$/.test(style.clip)) return false;
        }
        return true;
      };
      const hasHoverText = (element) => {
        for (let node = element; node && node !== root.parentElement; node = node.parentElement) {
          if (node.getAttribute?.("title") || node.getAttribute?.("aria-label")) return true;
          if ([...node.children].some((child) => child.tagName.toLowerCase() === "title" && child.textContent)) return true;
        }
        return false;
      };
      /** The nearest popup holding an element: a box positioned absolutely or fixed, with an opaque background; or null. */
      const popupOf = (element) => {
        for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (!/absolute|fixed/.test(style.position)) continue;
          const background = style.backgroundColor.match(/[\d.]+/g);
          if (background && (background.length < 4 || Number(background[3]) === 1)) return node;
        }
        return null;
      };
      /** Boxes that cut off what is drawn inside them: scrolling or clipping HTML boxes, and SVG viewports. */
      const clippers = (element) => {
        const found = [];
        for (let node = element.parentElement; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          const clipsX = style.overflowX !== "visible" || node instanceof SVGSVGElement;
          const clipsY = style.overflowY !== "visible" || node instanceof SVGSVGElement;
          if (clipsX || clipsY) {
            const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
            found.push({ rect: node.getBoundingClientRect(), clipsX, clipsY, scrolls });
          }
          if (node === root) break;
        }
        return found;
      };

      const clamp = (box, to) => ({ left: Math.max(box.left, to.left), top: box.top, right: Math.min(box.right, to.right), bottom: box.bottom });
      const texts = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const content = node.textContent.trim();
        if (!content || !element) continue;
        const tag = element.tagName.toLowerCase();
        if (["title", "style", "script", "option", "desc"].includes(tag) || element.closest("title, style, option")) continue;
        if (!visible(element)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) continue;
        const box = rects.reduce(
          (a, r) => ({ left: Math.min(a.left, r.left), top: Math.min(a.top, r.top), right: Math.max(a.right, r.right), bottom: Math.max(a.bottom, r.bottom) }),
          {
            left: Infinity,
            top: Infinity,
            right: -Infinity,
            bottom: -Infinity,
          },
        );
        // An HTML box narrower than its text, shortened on purpose with an ellipsis, counts as its visible part:
        // the text's own box runs on to the end of the whole text, under whatever follows.
        const style = getComputedStyle(element);
        const ellipsis = style.textOverflow === "ellipsis" && element.scrollWidth > element.clientWidth;
        const shown = ellipsis ? clamp(box, element.getBoundingClientRect()) : box;
        texts.push({ text: content, box: shown, element, ellipsis, hover: hasHoverText(element), rects: ellipsis ? [shown] : rects, popup: popupOf(element) });
      }

      // Sticky headers and columns with a background: scrolled content passes under them, out of sight.
      const stickyOf = (element) => element.closest?.("[data-legibility-sticky]") ?? null;
      const zOf = (element) => Number.parseInt(getComputedStyle(element).zIndex, 10) || 0;
      const opaque = (element) => {
        const color =
          getComputedStyle(element)
            .backgroundColor.match(/[\d.]+/g)
            ?.map(Number) ?? [];
        return color.length === 3 || (color.length === 4 && color[3] > 0.9);
      };
      const covers = [...root.querySelectorAll("*")].filter((e) => getComputedStyle(e).position === "sticky" && opaque(e));
      for (const cover of covers) cover.setAttribute("data-legibility-sticky", "");
      const covered = (t) => {
        const own = stickyOf(t.element);
        const ownZ = own ? zOf(own) : -1;
        const meet = (r) =>
          Math.min(t.box.right, r.right) - Math.max(t.box.left, r.left) > tolerance &&
          Math.min(t.box.bottom, r.bottom) - Math.max(t.box.top, r.top) > tolerance;
        return covers.some((cover) => {
          if (cover === own || cover.contains(t.element)) return false;
          const z = zOf(cover);
          const above = z > ownZ || (z === ownZ && own !== null && own.compareDocumentPosition(cover) & Node.DOCUMENT_POSITION_FOLLOWING);
          return above && meet(cover.getBoundingClientRect());
        });
      };

      const clipped = [];
      const onScreen = [];
      for (const t of texts) {
        let hidden = covered(t);
        let cut = false;
        for (const { rect, clipsX, clipsY, scrolls } of clippers(t.element)) {
          const outsideX = clipsX && (t.box.right <= rect.left + tolerance || t.box.left >= rect.right - tolerance);
          const outsideY = clipsY && (t.box.bottom <= rect.top + tolerance || t.box.top >= rect.bottom - tolerance);
          if (outsideX || outsideY) {
            hidden = true;
            if (!scrolls) cut = true;
            break;
          }
          const partX = clipsX && (t.box.left < rect.left - tolerance || t.box.right > rect.right + tolerance);
          const partY = clipsY && (t.box.top < rect.top - tolerance || t.box.bottom > rect.bottom + tolerance);
          if (partX || partY) {
            // Partly scrolled out of a scrolling box is what scrolling does; cut by a fixed edge is not.
            if (scrolls) hidden = true;
            else cut = true;
            break;
          }
        }
        if (t.ellipsis && !t.hover) cut = true;
        if (cut) clipped.push({ text: t.text, box: t.box });
        else if (!hidden) onScreen.push(t);
      }

      // Sweep along x: only boxes whose x ranges meet are compared.
      const overlaps = [];
      const sorted = [...onScreen].sort((a, b) => a.box.left - b.box.left);
      for (let i = 0; i < sorted.length; i++) {
        const a = sorted[i];
        for (let j = i + 1; j < sorted.length && sorted[j].box.left < a.box.right - tolerance; j++) {
          const b = sorted[j];
          if (a.element === b.element) continue;
          if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
          // One covers the other: a popup over the view, or one popup over another.
          if (a.popup !== b.popup) continue;
          const meet = (ra, rb) =>
            Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > tolerance && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > tolerance;
          if (a.rects.some((ra) => b.rects.some((rb) => meet(ra, rb)))) overlaps.push([a.text, b.text]);
        }
      }
      for (const cover of covers) cover.removeAttribute("data-legibility-sticky");
      const plain = ({ text, box }) => ({ text, box });
      return { overlaps, clipped, texts: onScreen.map(plain) };
    }, tolerance);
}

/** Fails with the texts that overlap or are cut, so the report says what a person could not read. */
export function expectLegible(result, expect, label = "") {
  const describe = (t) => JSON.stringify(t.length > 60 ? t.slice(0, 57) + "..." : t);
  expect(
    result.overlaps.map(([a, b]) => `${describe(a)} overlaps ${describe(b)}`),
    `${label}: overlapping text`,
  ).toEqual([]);
  expect(
    result.clipped.map((t) => `${describe(t.text)} is cut off`),
    `${label}: clipped text`,
  ).toEqual([]);
}
