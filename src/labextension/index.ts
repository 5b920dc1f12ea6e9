import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette } from "@jupyterlab/apputils";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { ISettingRegistry } from "@jupyterlab/settingregistry";
import { setSaver } from "../render/export.js";
import { VERSION } from "../version.js";
import widget from "../widget/index.js";
import { page } from "../widget/page.js";
import { addCommands } from "./commands.js";
import { ComparisonFactory, FACTORY_NAME } from "./document.js";
import { writePictures } from "./mime.js";
import { labSaver } from "./saver.js";
import { applySettings, DEFAULT_SETTINGS, readSettings } from "./settings.js";

const FILE_TYPES = [
  {
    name: "runcompare-arrow",
    displayName: "Arrow table",
    extensions: [".arrow", ".feather", ".arrows", ".ipc"],
    mimeTypes: ["application/vnd.apache.arrow.file"],
  },
  { name: "runcompare-parquet", displayName: "Parquet table", extensions: [".parquet"], mimeTypes: ["application/vnd.apache.parquet"] },
];

/**
 * Gives the page runcompare's view code (so widgets of this version need none from the kernel),
 * saves exports next to the notebook, puts a picture of each view in its output when a notebook
 * is saved, opens run files as comparisons, adds the export commands, and applies the settings.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: "runcompare:plugin",
  description: "runcompare's views for widgets and run files, export commands, saved pictures and settings.",
  autoStart: true,
  optional: [ICommandPalette, ISettingRegistry, INotebookTracker],
  activate: (app: JupyterFrontEnd, palette: ICommandPalette | null, registry: ISettingRegistry | null, notebooks: INotebookTracker | null) => {
    page().code.set(VERSION, Promise.resolve(widget));
    setSaver(labSaver(app));

    const pictureOnSave = (panel: NotebookPanel) => panel.context.saveState.connect((_, state) => state === "started" && writePictures(panel.node));
    notebooks?.forEach(pictureOnSave);
    notebooks?.widgetAdded.connect((_, panel) => pictureOnSave(panel));

    for (const type of FILE_TYPES) app.docRegistry.addFileType({ ...type, fileFormat: "base64", contentType: "file" });
    const names = FILE_TYPES.map((type) => type.name);
    app.docRegistry.addWidgetFactory(
      new ComparisonFactory({ name: FACTORY_NAME, label: FACTORY_NAME, modelName: "base64", fileTypes: names, defaultFor: names, readOnly: true }),
    );

    applySettings(DEFAULT_SETTINGS);
    void registry?.load(plugin.id).then((loaded) => {
      const update = () => applySettings(readSettings(loaded));
      update();
      loaded.changed.connect(update);
    });
    addCommands(app, palette);
  },
};

export default plugin;
