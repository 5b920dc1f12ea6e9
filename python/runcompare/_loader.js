// The module anywidget imports for each widget. anywidget makes every widget's module a module of
// its own, which the page never frees; this one is small, and it evaluates the view bundle (the
// widget's _bundle) once per page and version, then hands every widget to it.
const KEY = Symbol.for("runcompare.widget.__BUNDLE_HASH__");

function bundle(model) {
  globalThis[KEY] ??= import(URL.createObjectURL(new Blob([model.get("_bundle")], { type: "text/javascript" })));
  return globalThis[KEY].then((module) => module.default);
}

export default {
  async render(context) {
    return (await bundle(context.model)).render(context);
  },
};
