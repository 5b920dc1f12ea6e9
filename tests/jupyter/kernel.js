/** Runs code in the open notebook's kernel, as a cell would, and returns what it printed. */
export async function execute(page, code) {
  return page.evaluate(async (code) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    const future = kernel.requestExecute({ code });
    let printed = "";
    future.onIOPub = (message) => {
      if (message.header.msg_type === "stream") printed += message.content.text;
      if (message.header.msg_type === "error") printed += `${message.content.ename}: ${message.content.evalue}`;
    };
    await future.done;
    return printed;
  }, code);
}
