/** @jest-environment jsdom */
import { describe as describeView } from "../../../src/labextension/describe";
import { figureHTML, savedImage } from "../../../src/labextension/saved";

const HOSTILE = "<img src=x onerror=alert(1)>";
const PICTURE = "data:image/webp;base64,UklGRg==";

function view(kind: string, value: unknown, marks = ""): HTMLElement & { value?: unknown } {
  const element = Object.assign(document.createElement("div"), { value });
  element.className = `rc-view rc-${kind}`;
  element.innerHTML = marks; // the test's own markup, standing for what a view draws
  return element;
}

test("the line says what the view shows, from the marks it drew", () => {
  expect(describeView(view("parallel", ["a", "b", "c"], '<g class="rc-axis"></g>'.repeat(8)), 96)).toBe("runcompare parallel: 96 runs x 8 axes, 3 selected");
  expect(describeView(view("parallel", [], '<g class="rc-axis"></g>'), 1)).toBe("runcompare parallel: 1 run x 1 axis");
  expect(describeView(view("scalars", [], '<div class="rc-chart"></div>'.repeat(2)), 12_000)).toBe("runcompare scalars: 12,000 runs, 2 charts");
  // The diff's value is its base run: no selection to speak of.
  expect(describeView(view("diff", ["r1"], '<div class="rc-diff-head"><div class="rc-run"></div><div class="rc-run"></div></div>'), 96)).toBe(
    "runcompare diff: 96 runs, 2 side by side",
  );
});

test("a hostile column name in the line stays text in the saved figure", () => {
  const scatter = view("scatter", [], '<svg><g class="rc-axis-title"><title></title></g><g class="rc-axis-title"><title></title></g></svg>');
  const titles = scatter.querySelectorAll("title");
  titles[0].textContent = "params.lr";
  titles[1].textContent = HOSTILE;
  const plain = describeView(scatter, 2);
  expect(plain).toBe(`runcompare scatter: 2 runs, ${HOSTILE} against params.lr`);

  const html = figureHTML({ image: PICTURE, plain });
  const parsed = new DOMParser().parseFromString(html, "text/html");
  expect([...parsed.querySelectorAll("img")].map((img) => img.getAttribute("src"))).toEqual([PICTURE]);
  expect(parsed.querySelector("figcaption")!.textContent).toBe(plain);
  expect(savedImage(html)).toBe(PICTURE);
});

test("only a data: image is taken back from a saved output", () => {
  expect(savedImage(figureHTML({ image: null, plain: "runcompare values: 3 runs" }))).toBeNull();
  expect(savedImage('<figure><img src="javascript:alert(1)"></figure>')).toBeNull();
  expect(savedImage('<figure><img src="http://127.0.0.1/x.png"></figure>')).toBeNull();
  expect(savedImage(["not", "a", "string"])).toBeNull();
});
