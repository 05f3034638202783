/*
 * The task pane's start-up guard, written into taskpane.html before any other script (its hash is in
 * the page's Content-Security-Policy). Plain ES5, on purpose: it must run in the webviews that cannot
 * run the pane's own script — EdgeHTML in Microsoft 365 builds without WebView2, which lacks BigInt,
 * on which the draw's exact arithmetic rests (the webviews Office uses:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins;
 * Microsoft recommends « a graceful failure message » there:
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11).
 *
 * The pane's script marks <main> with data-started as soon as it has loaded (taskpane.ts). Until then,
 * any uncaught error (a script the webview cannot parse, a missing feature met while loading) or
 * STARTUP_SECONDS without the mark (a script that never arrived) replaces « Chargement du volet… » by
 * a French message that says what to do. Once the pane has started, the guard does nothing: the
 * pane's own messages take over.
 */
(function () {
  var MOUNT_POINT_ID = 'tirage-pane';
  var STARTUP_SECONDS = 15;
  var shown = false;

  function paragraph(text) {
    var p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  function showFailure() {
    var mount = document.getElementById(MOUNT_POINT_ID);
    if (shown || mount === null || mount.hasAttribute('data-started')) return;
    shown = true;
    var section = document.createElement('section');
    section.className = 'pane-message pane-message--warning';
    section.setAttribute('role', 'alert');
    section.setAttribute('data-view', 'start-failed');
    var title = document.createElement('h2');
    title.textContent = 'Le volet n’a pas pu démarrer';
    section.appendChild(title);
    section.appendChild(paragraph('Cette version d’Office affiche les compléments avec un navigateur intégré trop ancien pour le tirage au sort, ou le script du volet n’a pas pu être chargé.'));
    section.appendChild(paragraph('Mettez Office à jour (Fichier › Compte › Options de mise à jour › Mettre à jour maintenant), puis rouvrez le volet : onglet Accueil, bouton « Tirage au sort ». Sous Windows, si ce message revient, demandez à la DSI d’installer le composant Microsoft Edge WebView2.'));
    section.appendChild(paragraph('En attendant, ouvrez le classeur dans Excel sur le web (office.com) : le complément y fonctionne.'));
    while (mount.firstChild) mount.removeChild(mount.firstChild);
    mount.appendChild(section);
    mount.setAttribute('aria-busy', 'false');
  }

  /** Now if the page's body is there, else as soon as it is (an error can come from a script in <head>). */
  function showFailureWhenReady() {
    if (document.getElementById(MOUNT_POINT_ID) !== null) showFailure();
    else document.addEventListener('DOMContentLoaded', showFailure);
  }

  window.addEventListener('error', showFailureWhenReady);
  window.setTimeout(showFailureWhenReady, STARTUP_SECONDS * 1000);
})();
