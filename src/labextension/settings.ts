import type { ISettingRegistry } from "@jupyterlab/settingregistry";
import plugin from "../../schema/lab/plugin.json" with { type: "json" };

export interface RuncompareSettings {
  colorScheme: string;
  smoothing: number;
  exportScale: number;
}

/** The settings' defaults, as the settings schema (schema/lab/plugin.json) gives them. */
export const DEFAULT_SETTINGS: RuncompareSettings = {
  colorScheme: plugin.properties.colorScheme.default,
  smoothing: plugin.properties.smoothing.default,
  exportScale: plugin.properties.exportScale.default,
};

/**
 * Settings reach the views as CSS properties on the document, as the theme does: views from
 * the widget bundle, the MIME renderer and the file viewer all read them the same way.
 */
export function applySettings(settings: RuncompareSettings) {
  const style = document.documentElement.style;
  style.setProperty("--rc-color-scheme", settings.colorScheme);
  style.setProperty("--rc-smoothing", String(settings.smoothing));
  style.setProperty("--rc-export-scale", String(settings.exportScale));
}

export function readSettings(settings: ISettingRegistry.ISettings): RuncompareSettings {
  return { ...DEFAULT_SETTINGS, ...(settings.composite as Partial<RuncompareSettings>) };
}
