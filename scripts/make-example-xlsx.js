#!/usr/bin/env node
/**
 * Builds assets/exemple-candidatures.xlsx from assets/exemple-candidatures.csv, laid out as a city
 * clerk's sheet usually is: a title in row 1, a blank row, the header in row 3, real date cells.
 * The .xlsx is committed; run this again after editing the CSV:
 *   node scripts/make-example-xlsx.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const Papa = require('papaparse');

const assets = path.join(__dirname, '..', 'assets');
const csvPath = path.join(assets, 'exemple-candidatures.csv');
const xlsxPath = path.join(assets, 'exemple-candidatures.xlsx');

const text = fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
const parsed = Papa.parse(text.trimEnd(), { delimiter: ';' });
if (parsed.errors.length > 0) throw new Error(`${csvPath}: ${parsed.errors[0].message}`);
const [header, ...records] = parsed.data;

/** "14/03/1987" → midnight UTC, which is how Excel date cells are read back. */
function frenchDate(value) {
  const [day, month, year] = value.split('/').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

async function main() {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata, so that regenerating from an unchanged CSV changes as little as possible.
  workbook.creator = 'Tirage CLN';
  workbook.created = new Date(Date.UTC(2025, 5, 1));
  workbook.modified = new Date(Date.UTC(2025, 5, 1));

  const sheet = workbook.addWorksheet('Candidatures', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value = 'Candidatures CLN — juin 2025';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.mergeCells('A1:F1');

  const headerRow = sheet.getRow(3);
  headerRow.values = header;
  headerRow.font = { bold: true };

  const birthColumn = header.indexOf('Date de naissance');
  const numberColumn = header.indexOf('N°');
  records.forEach((record, i) => {
    const values = record.map((value, column) => {
      if (column === birthColumn) return frenchDate(value);
      if (column === numberColumn) return Number(value);
      return value;
    });
    sheet.getRow(4 + i).values = values;
  });
  sheet.getColumn(birthColumn + 1).numFmt = 'dd/mm/yyyy';
  [6, 18, 16, 8, 18, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  await workbook.xlsx.writeFile(xlsxPath);
  console.log(`${path.relative(process.cwd(), xlsxPath)} : ${records.length} candidatures écrites.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
