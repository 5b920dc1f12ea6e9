import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette } from "@jupyterlab/apputils";
import { ISettingRegistry } from "@jupyterlab/settingregistry";
import { addCommands } from "./commands.js";
import { ComparisonFactory, FACTORY_NAME } from "./document.js";
import { applySettings, DEFAULT_SETTINGS, readSettings } from "./settings.js";

const FILE_TYPES = [
  { name: "runcompare-arrow", displayName: "Arrow table", extensions: [".arrow", ".feather", ".arrows", ".ipc"], mimeTypes: ["application/vnd.apache.arrow.file"] },
  { name: "runcompare-parquet", displayName: "Parquet table", extensions: [".parquet"], mimeTypes: ["application/vnd.apache.parquet"] },
];

/** Opens run files as comparisons, adds the export commands, and applies the settings. */
const plugin: JupyterFrontEndPlugin<void> = {
  id: "runcompare:plugin",
  description: "Run comparison views for Arrow and Parquet files, export commands and settings.",
  autoStart: true,
  optional: [ICommandPalette, ISettingRegistry],
  activate: (app: JupyterFrontEnd, palette: ICommandPalette | null, registry: ISettingRegistry | null) => {
    for (const type of FILE_TYPES) app.docRegistry.addFileType({ ...type, fileFormat: "base64", contentType: "file" });
    const names = FILE_TYPES.map((type) => type.name);
    app.docRegistry.addWidgetFactory(
      new ComparisonFactory({ name: FACTORY_NAME, label: FACTORY_NAME, modelName: "base64", fileTypes: names, defaultFor: names, readOnly: true }),
    );

    let settings = DEFAULT_SETTINGS;
    applySettings(settings);
    void registry?.load(plugin.id).then((loaded) => {
      const update = () => {
        settings = readSettings(loaded);
        applySettings(settings);
      };
      update();
      loaded.changed.connect(update);
    });
    addCommands(app, palette, () => settings.exportScale);
  },
};

export default plugin;
