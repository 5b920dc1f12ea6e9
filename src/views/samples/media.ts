import { diffWordsWithSpace } from "diff";
import { sampleKind } from "../../data/media.js";
import type { Content } from "./store.js";
import { thousands } from "../../data/thousands.js";

/** An element showing one sample, and what to release when it leaves the page. */
export interface Shown {
  readonly element: HTMLElement;
  /** The image element, once decoded (for the viewer). */
  readonly image: HTMLImageElement | null;
  dispose(): void;
}

/** Images with more pixels than this are not decoded: 64 megapixels take 256 MB as RGBA. */
export const MAX_PIXELS = 64_000_000;
/** Text shown in a cell; the rest is counted. */
const MAX_TEXT = 20_000;
/** Texts longer than this are not word-diffed (the diff's time grows with length times changes). */
const MAX_DIFF_TEXT = 8_000;

export function placeholder(reason: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "rc-sample-placeholder";
  box.setAttribute("role", "note");
  box.textContent = reason;
  return box;
}

/**
 * A sample as the page may show it: an image (SVG too, as an image, never inlined), the browser's
 * audio or video player, or text (with a word diff against `base`, the base run's text). Any
 * other type, or content that fails to decode, gives a placeholder saying why.
 */
export function showSample(content: Content, mime: string, base: string | null, onDecoded?: (image: HTMLImageElement) => void): Shown {
  if ("error" in content) return still(placeholder(content.error));
  const kind = sampleKind(mime);
  if (kind === null)
    return still(placeholder(`not shown: ${mime ? JSON.stringify(mime) : "a sample of unknown type"} is not an image, audio, video or text type`));
  if (kind === "text") return still("url" in content ? placeholder("not shown: give a text sample as data, not as a url") : textSample(textOf(content), base));
  let url: string;
  let owned = false;
  if ("url" in content) {
    url = content.url;
  } else {
    const bytes = "bytes" in content ? content.bytes : new TextEncoder().encode(content.text);
    url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    owned = true;
  }
  const holder = document.createElement("div");
  holder.className = `rc-sample-media rc-sample-${kind}`;
  let image: HTMLImageElement | null = null;
  const failed = (reason: string) => holder.replaceChildren(placeholder(reason));
  if (kind === "image") {
    const img = document.createElement("img");
    img.alt = "";
    img.decoding = "async";
    img.draggable = false;
    img.addEventListener("error", () => failed(`could not be decoded as ${mime} (a corrupt file, or not of that type)`));
    img.addEventListener("load", () => {
      if (img.naturalWidth * img.naturalHeight > MAX_PIXELS) {
        failed(`not shown: ${img.naturalWidth} × ${img.naturalHeight} pixels, more than ${MAX_PIXELS / 1e6} megapixels`);
        return;
      }
      image = img;
      // Small pictures (MNIST's 28 pixels) are blown up as pixels, not blurred.
      img.classList.toggle("rc-pixelated", img.naturalWidth * 3 <= holder.clientWidth);
      holder.dataset.size = `${img.naturalWidth}×${img.naturalHeight}`;
      onDecoded?.(img);
    });
    img.src = url;
    holder.append(img);
  } else {
    const player = document.createElement(kind);
    player.controls = true;
    player.preload = "metadata";
    player.addEventListener("error", () => failed(`could not be played as ${mime} (a corrupt file, or a format this browser does not play)`));
    player.src = url;
    holder.append(player);
  }
  return {
    element: holder,
    get image() {
      return image;
    },
    dispose: () => {
      if (owned) URL.revokeObjectURL(url);
      const media = holder.querySelector("audio, video") as HTMLMediaElement | null;
      media?.pause();
    },
  };
}

function still(element: HTMLElement): Shown {
  return { element, image: null, dispose: () => {} };
}

export function textOf(content: Content): string {
  if ("text" in content) return content.text;
  if ("bytes" in content) return new TextDecoder().decode(content.bytes);
  return "";
}

/** Text as text nodes only; the words that differ from the base's text marked (added underlined, removed struck through). */
export function textSample(text: string, base: string | null): HTMLElement {
  const box = document.createElement("pre");
  box.className = "rc-sample-text";
  const shown = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (base === null || base === text || shown.length > MAX_DIFF_TEXT || base.length > MAX_DIFF_TEXT) {
    box.textContent = shown;
  } else {
    for (const part of diffWordsWithSpace(base, shown)) {
      if (!part.added && !part.removed) {
        box.append(part.value);
        continue;
      }
      const mark = document.createElement(part.added ? "ins" : "del");
      mark.textContent = part.value;
      box.append(mark);
    }
  }
  if (shown.length < text.length) {
    const more = document.createElement("span");
    more.className = "rc-sample-more";
    more.textContent = `\n… ${thousands(text.length - shown.length)} more characters`;
    box.append(more);
  }
  return box;
}
