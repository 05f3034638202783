/// <reference types="office-js" />
/**
 * The ribbon's function file (manifest.xml, <FunctionFile>): Microsoft's manifest reference lists
 * it as required under DesktopFormFactor (the XSD makes it optional), and Office loads it in a
 * hidden page. The *Tirage au sort* button only opens the task pane (a ShowTaskpane action), so
 * this page registers no function: it just lets Office know it is ready.
 */
if (typeof Office !== 'undefined') void Office.onReady();
