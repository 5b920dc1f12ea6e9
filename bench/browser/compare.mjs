// In the page: the comparison page at scale. A tab switch with 1,000 runs compared (each tab's
// first visit builds its view; a later visit shows it), and at 10,000 runs compared a brush's
// selection reaching the views open (parallel coordinates on screen, the values table, scatter,
// scalar curves, values and summary bars built in other tabs, which take the selection when
// shown), timed until the next frame is painted; then each of those shown with the selection.

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Runs with 8 params and 4 metrics, and 2 series of 20 steps each. */
function sweep(count) {
  const runs = [];
  const scalars = [];
  for (let r = 0; r < count; r++) {
    const run = { run_id: `run-${r}`, name: `run ${r}` };
    for (let p = 0; p < 8; p++) run[`params.p${p}`] = ((r * (p + 3)) % 17) / 17;
    for (let m = 0; m < 4; m++) run[`metrics.m${m}`] = Math.sin(r * (m + 1)) + 1;
    runs.push(run);
    for (const metric of ["loss", "accuracy"])
      for (let step = 0; step < 20; step++) scalars.push({ run_id: run.run_id, metric, step, value: Math.exp(-step / (5 + (r % 7))) + (r % 11) / 100 });
  }
  return { runs, scalars };
}

async function pageOf(count, bundle) {
  const rc = await import(bundle);
  const { runs, scalars } = sweep(count);
  const holder = document.querySelector("#chart");
  holder.replaceChildren();
  holder.style.width = "1200px";
  const page = rc.compare(runs, { scalars, state: { compared: runs.map((run) => run.run_id), pane: false } });
  holder.append(page);
  await frame();
  return page;
}

async function timed(action) {
  const started = performance.now();
  action();
  await frame();
  return performance.now() - started;
}

const click = (page, selector) => () => page.querySelector(selector).click();

/** Each tab's first visit (its views built) and a later one, with 1,000 runs compared. */
export async function tabSwitch(bundle = "/dist/runcompare.js") {
  const page = await pageOf(1000, bundle);
  const first = {};
  for (const [tab, view] of [
    ["scalars", null],
    ["details", null],
    ["hyperparameters", "parallel"],
    ["hyperparameters", "scatter"],
    ["scalars", "values"],
    ["scalars", "summary"],
  ]) {
    const key = view ?? tab;
    if (view) first[key] = await timed(click(page, `.rc-compare-panel[data-tab="${tab}"] [data-view="${view}"]`));
    else first[key] = await timed(click(page, `.rc-compare-tabs [data-tab="${tab}"]`));
  }
  const switches = [];
  for (let i = 0; i < 6; i++)
    for (const tab of ["details", "hyperparameters", "scalars"]) switches.push(await timed(click(page, `.rc-compare-tabs [data-tab="${tab}"]`)));
  page.destroy();
  return { first, again: switches };
}

/** A brush's selection at 10,000 runs compared reaching every open view. */
export async function brushEveryView(bundle = "/dist/runcompare.js") {
  const page = await pageOf(10000, bundle);
  for (const [tab, view] of [
    ["hyperparameters", "parallel"],
    ["hyperparameters", "scatter"],
    ["hyperparameters", "table"],
    ["scalars", "scalars"],
    ["scalars", "values"],
    ["scalars", "summary"],
  ]) {
    page.querySelector(`.rc-compare-tabs [data-tab="${tab}"]`).click();
    page.querySelector(`.rc-compare-panel[data-tab="${tab}"] [data-view="${view}"]`)?.click();
    await frame();
  }
  page.querySelector('.rc-compare-tabs [data-tab="hyperparameters"]').click();
  page.querySelector('.rc-compare-panel[data-tab="hyperparameters"] [data-view="parallel"]').click();
  await frame();
  const parallel = page.querySelector(".rc-parallel");
  const views = page.querySelectorAll(".rc-compare-host > .rc-view").length;
  const times = [];
  for (let i = 0; i < 8; i++) {
    // What a brush does once drawn: the parallel view's selection changes and it says so.
    const ids = [];
    for (let r = i; r < 10000; r += 3 + i) ids.push(`run-${r}`);
    times.push(
      await timed(() => {
        parallel.value = ids;
        parallel.dispatchEvent(new Event("input", { bubbles: true }));
      }),
    );
  }
  const shown = {};
  for (const [tab, view] of [
    ["hyperparameters", "scatter"],
    ["hyperparameters", "table"],
    ["scalars", "scalars"],
    ["scalars", "values"],
    ["scalars", "summary"],
  ]) {
    shown[view] = await timed(() => {
      page.querySelector(`.rc-compare-tabs [data-tab="${tab}"]`).click();
      page.querySelector(`.rc-compare-panel[data-tab="${tab}"] [data-view="${view}"]`).click();
    });
  }
  page.destroy();
  return { times, views, shown };
}
