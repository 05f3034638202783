/// <reference types="office-js" />
/**
 * The ribbon's function file (manifest.xml, <FunctionFile>): the schema requires one for a
 * ribbon button, and Office loads it in a hidden page. The *Tirage au sort* button only opens
 * the task pane (a ShowTaskpane action), so it registers no function: it just lets Office know
 * the page is ready.
 */
if (typeof Office !== 'undefined') void Office.onReady();
