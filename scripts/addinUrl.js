'use strict';
/**
 * The add-in's address: where the city hosts dist/. manifest.xml is written for the dev server
 * (https://localhost:3000/); the build writes dist/manifest.xml with every URL under ADDIN_URL
 * instead. Office loads add-ins only over https, and a manifest URL with a query or a fragment
 * would be joined wrongly to the page names, so both are refused here, before anything is built.
 */

const DEV_URL = 'https://localhost:3000/';

const EXAMPLE = 'par exemple ADDIN_URL=https://tirage.exemple.fr/cln/ npm run build';

/** The normalised address (ending with "/") from ADDIN_URL, or the dev server's when unset. */
function addinUrlFrom(value) {
  if (value === undefined || value.trim() === '') return DEV_URL;
  const text = value.trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL « ${text} » n’est pas une adresse web : donnez l’adresse https où le dossier dist/ est publié (${EXAMPLE}).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL « ${text} » doit commencer par https:// : Office ne charge un complément qu’en https (${EXAMPLE}).`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`ADDIN_URL « ${text} » ne doit contenir ni « ? », ni « # », ni identifiant : seulement l’adresse du dossier publié (${EXAMPLE}).`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

function escapeXmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** manifest.xml's text with every dev-server URL moved under `addinUrl`. */
function manifestForUrl(manifestXml, addinUrl) {
  if (!manifestXml.includes(DEV_URL)) {
    throw new Error(`manifest.xml ne contient aucune adresse ${DEV_URL} : rien à remplacer par ADDIN_URL.`);
  }
  return manifestXml.split(DEV_URL).join(escapeXmlAttribute(addinUrl));
}

module.exports = { DEV_URL, addinUrlFrom, manifestForUrl };
