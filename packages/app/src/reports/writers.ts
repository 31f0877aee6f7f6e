/**
 * The report writers: the Excel workbook of a run and its Word documents (通报 bulletin, a zone's 体检报告). Their
 * libraries are most of the core's code, so they sit apart from the core's index and load with the first document.
 */
export * from "./ReportDocuments.js"
export * from "./ReportWorkbook.js"
